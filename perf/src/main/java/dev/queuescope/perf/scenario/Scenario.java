package dev.queuescope.perf.scenario;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A load scenario as written in {@code perf/scenarios/<name>.json} (schema: scenario.schema.json).
 *
 * @param phases       when present, the measured phase follows these rates in order instead of one
 *                     {@code --rate} (an overload run, or a provider outage run when a phase has
 *                     {@link Phase#providerOutageSeconds()}); null for a plain scenario
 * @param kneeScenario the scenario whose latest sweep gives the knee that {@link Phase#rateOfKnee()}
 *                     multiplies; null = this scenario
 */
public record Scenario(String name, @Nullable String description, Objective objective, @Nullable Setup setup,
        @Nullable Map<String, List<Object>> variables, List<Request> requests, @Nullable List<Phase> phases,
        @Nullable String kneeScenario) {

    /**
     * The phase in which the payment provider goes down, when one does: its index in {@link #phases()}.
     * The loader allows at most one, never the first (the first is the baseline).
     */
    public OptionalInt providerOutagePhase() {
        return phases == null ? OptionalInt.empty() : IntStream.range(0, phases.size())
                .filter(i -> phases.get(i).providerOutageSeconds() != null).findFirst();
    }

    /**
     * One constant-rate phase: exactly one of {@code rate} (req/s) and {@code rateOfKnee} (× the knee).
     *
     * @param providerOutageSeconds when set, the payment provider stub goes down for this long (at most the
     *                              phase's {@code seconds}) at the phase's start
     */
    public record Phase(String name, @Nullable Double rate, @Nullable Double rateOfKnee, int seconds,
            @Nullable Integer providerOutageSeconds) {
    }

    public record Objective(double p99Ms) {
    }

    /**
     * Before load: POST {@code seed} (as the admin), register {@code customers} new customers (their
     * tokens become {@code {customerToken}}), then the discoveries.
     */
    public record Setup(@Nullable String seed, @Nullable Integer customers, @Nullable List<Discovery> discover) {
    }

    /** GET {@code path}, take {@code field} of every item, follow {@code nextCursor} for up to {@code pages}. */
    public record Discovery(String variable, String path, String field, @Nullable Integer pages) {
    }

    public record Request(String name, double weight, String method, String path,
            @Nullable Map<String, String> headers, @Nullable String body) {
    }
}
