package dev.queuescope.perf.sweep;

import dev.queuescope.perf.run.MetricsSampler;
import java.io.IOException;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The capacity a sweep assumes when none is given: one light run, and capacity = rate / the share of
 * the machine's CPU the service's process used for it ({@code process_cpu_usage}, a fraction of all
 * cores, averaged over the measured phase). It assumes CPU is what runs out and that a request costs
 * the same CPU at any rate. It counts only the service's JVM: PostgreSQL (its own processes), the
 * generator and anything else sharing the machine are left out, so it overestimates; JIT and GC at a
 * light rate underestimate. Good for spacing the steps, not as a result.
 *
 * @param rate            requests per second the calibration run actually sent
 * @param processCpuShare mean {@code process_cpu_usage} during its measured phase, 0..1
 * @param run             the calibration run's directory, relative to the sweep's
 */
public record Calibration(double rate, double processCpuShare, double capacity, String run) {

    private static final String CPU = "process_cpu_usage";

    static Calibration of(Path run, Path sweep) throws IOException {
        JsonNode summary = JsonMapper.builder().build().readTree(run.resolve("summary.json").toFile());
        double rate = summary.at("/generator/achievedRate").asDouble();
        MeasuredPhase phase = MeasuredPhase.read(run.resolve("latency.hlog"),
                summary.at("/run/durationSeconds").asDouble());
        double share = MetricsSampler.read(run.resolve("metrics.jsonl")).stream()
                .filter(row -> row.containsKey(CPU) && row.containsKey("t"))
                .filter(row -> row.get("t") >= phase.fromEpochMillis() && row.get("t") < phase.toEpochMillis())
                .mapToDouble(row -> row.get(CPU)).average().orElse(0);
        if (share <= 0) {
            throw new IOException("The calibration run " + run + " sampled no " + CPU
                    + " in its measured phase: pass --capacity");
        }
        return new Calibration(rate, share, rate / share, sweep.relativize(run).toString());
    }
}
