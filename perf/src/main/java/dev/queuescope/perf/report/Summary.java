package dev.queuescope.perf.report;

import dev.queuescope.perf.run.Environment;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code summary.json}: what a run measured, for machines (CI budgets, compare). Schema:
 * {@code perf/src/main/resources/summary.schema.json}. Latencies are milliseconds, rates per second.
 */
public record Summary(Run run, Generator generator, Latency latencyMs, Latency latencyMsUncorrected,
        Throughput throughput, Map<String, Endpoint> endpoints, boolean objectiveMet, Artifacts artifacts,
        SelfCheck selfCheck, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Overload overload,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Outage outage) {

    /** A plain run's summary: no {@code overload} or {@code outage} section. */
    public Summary(Run run, Generator generator, Latency latencyMs, Latency latencyMsUncorrected,
            Throughput throughput, Map<String, Endpoint> endpoints, boolean objectiveMet, Artifacts artifacts,
            SelfCheck selfCheck) {
        this(run, generator, latencyMs, latencyMsUncorrected, throughput, endpoints, objectiveMet, artifacts,
                selfCheck, null, null);
    }

    public record Run(String id, String scenario, List<String> labs, double rate, double durationSeconds,
            double warmupSeconds, String arrivals, double objectiveP99Ms, String target, Environment environment) {
    }

    /** Whether the generator itself kept up: {@code saturated} never means "the service was slow". */
    public record Generator(double intendedRate, double achievedRate, boolean saturated, String saturationReason,
            double cpuMicrosPerRequest, String pinned, int maxConnections, boolean connectionCapReached) {
    }

    public record Latency(double p50, double p90, double p99, double p999, double max) {
    }

    /** errors = 5xx other than 503, timeouts, connection failures; rejected = 429 and 503. */
    public record Throughput(double requestsPerSecond, double errorRate, double rejectedRate, long sent,
            long completed, long errors, long rejected) {
    }

    public record Endpoint(long count, double p50, double p99) {
    }

    public record Artifacts(@Nullable String jfr, String report, String hlog, String metrics, String shopLog,
            Flamegraphs flamegraphs) {
    }

    public record Flamegraphs(@Nullable String cpu, @Nullable String wall, @Nullable String alloc,
            @Nullable String lock) {
    }

    /**
     * @param jfrDroppedEvents bytes of events JFR reported lost (jdk.DataLoss); 0 = nothing lost
     * @param recordingsSetAside recordings the shop left unreadable (killed before it finished writing them), renamed
     *                           {@code <name>.incomplete}: the run has no evidence from them
     */
    public record SelfCheck(@Nullable Long jfrDroppedEvents, @Nullable Double profilerOverheadPercent,
            List<String> recordingsSetAside) {

        /** A summary written before the field existed has none set aside. */
        public SelfCheck {
            recordingsSetAside = recordingsSetAside == null ? List.of() : List.copyOf(recordingsSetAside);
        }
    }

    /**
     * A phased (overload) run: how the service held up beyond its knee. Schema descriptions say what
     * each figure means; docs/perf-guide.md ("Overload") how to read them.
     */
    public record Overload(double goodputRatio, double goodputPerSecond, double maxThroughputPerSecond,
            @Nullable Double rejectP99Ms, @Nullable RejectTimes rejectTimes, double baselineP99Ms,
            @Nullable Integer recoverySeconds, boolean crashed, List<String> crashEvidence, String overloadPhase,
            KneeUsed knee, List<Phase> phases, Goals goals) {
    }

    public record KneeUsed(double rate, double maxThroughput, boolean maxThroughputLowerBound, String source) {
    }

    /** Where the overload phase's refusals spent their time, from the shop's own request events. */
    public record RejectTimes(long refusals, double beforeShopP99Ms, double inShopP99Ms) {
    }

    /** One phase; requests belong to the phase of their intended start. */
    public record Phase(String name, double intendedRate, double startSecond, double seconds, double sentRate,
            double goodputPerSecond, double refusedPerSecond, double otherPerSecond, double p99Ms,
            @Nullable Double successP99Ms, @Nullable Double refusedP99Ms, @Nullable Double schedulerLagP99Ms,
            boolean saturated, String saturationReason) {
    }

    /** The goals, each judged from the figures above. */
    public record Goals(boolean goodput, boolean fastRejects, boolean noCrash, boolean recovered) {
    }

    /**
     * A run whose scenario takes the payment provider down for a phase: whether the breaker opened, the orders
     * taken meanwhile got paid, and catalog reads were isolated from it. Schema descriptions say what each figure
     * means; docs/perf-guide.md ("Provider outage") how to read them.
     *
     * @param seconds        how long the provider was down, from the start of {@code outagePhase}
     * @param unsettledAtEnd null when the shop's outbox could not be read (the reason is in the run's output)
     */
    public record Outage(int seconds, String outagePhase, double catalogP99BaselineMs, double catalogP99OutageMs,
            double catalogP99Ratio, @Nullable Double catalogP99AfterMs, long ordersDuringOutage,
            boolean breakerOpened, int breakerOpenSeconds, @Nullable Integer unsettledAtEnd, KneeUsed knee,
            List<Phase> phases, OutageGoals goals) {
    }

    public record OutageGoals(boolean catalogIsolated, boolean breakerOpened, boolean allPaid) {
    }
}
