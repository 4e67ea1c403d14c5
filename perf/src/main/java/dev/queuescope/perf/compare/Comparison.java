package dev.queuescope.perf.compare;

import dev.queuescope.perf.report.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * {@code compare.json}: both runs' figures as their summaries give them, then B − A for each metric,
 * with the noise band and the call where the noise can be estimated. Latencies in ms, rates per second,
 * error and rejected rates as fractions.
 */
record Comparison(RunFigures a, RunFigures b, List<String> caveats, List<Percentile> latencyMs,
        List<Difference> throughput, Noise noise, FlameGraphDiff flameGraph) {

    /** Percentiles with a call; p99.9 and max have too few requests above them for a band from seconds. */
    static final double[] CALLED = {50, 90, 99};

    /** A corrected latency percentile of both runs; {@code noiseLow..noiseHigh} bands {@code delta}. */
    record Percentile(String metric, double a, double b, double delta, @Nullable Double noiseLow,
            @Nullable Double noiseHigh, @Nullable Call call) {
    }

    record Difference(String metric, double a, double b, double delta) {
    }

    record Noise(String rule, int resamples, int blockSeconds, long seed, int secondsA, int secondsB) {
    }

    static Comparison of(RunFigures a, RunFigures b, LatencySeconds secondsA, LatencySeconds secondsB,
            FlameGraphDiff flameGraph) {
        PercentileBootstrap.Band[] bands = PercentileBootstrap.bands(secondsA, secondsB, CALLED);
        List<Percentile> latency = new ArrayList<>();
        latency.add(called("p50", a, b, Summary.Latency::p50, bands[0]));
        latency.add(called("p90", a, b, Summary.Latency::p90, bands[1]));
        latency.add(called("p99", a, b, Summary.Latency::p99, bands[2]));
        latency.add(uncalled("p999", a.latencyMs().p999(), b.latencyMs().p999()));
        latency.add(uncalled("max", a.latencyMs().max(), b.latencyMs().max()));
        List<Difference> throughput = List.of(
                difference("requestsPerSecond", a.throughput().requestsPerSecond(), b.throughput().requestsPerSecond()),
                difference("errorRate", a.throughput().errorRate(), b.throughput().errorRate()),
                difference("rejectedRate", a.throughput().rejectedRate(), b.throughput().rejectedRate()));
        Noise noise = new Noise(PercentileBootstrap.RULE, PercentileBootstrap.RESAMPLES,
                PercentileBootstrap.BLOCK_SECONDS, PercentileBootstrap.SEED, secondsA.seconds(), secondsB.seconds());
        return new Comparison(a, b, caveats(a, b), latency, throughput, noise, flameGraph);
    }

    /** What makes the calls unfair whatever the noise: a generator that fell behind, or different loads. */
    private static List<String> caveats(RunFigures a, RunFigures b) {
        List<String> caveats = new ArrayList<>();
        for (RunFigures run : List.of(a, b)) {
            if (run.generator().saturated()) {
                caveats.add("the generator could not keep up in " + run.id() + " (" + run.generator().saturationReason()
                        + "): its latencies understate the service");
            }
        }
        double rateA = a.generator().intendedRate();
        double rateB = b.generator().intendedRate();
        if (Math.abs(rateA - rateB) > 0.01 * Math.max(rateA, rateB)) {
            caveats.add("the runs were driven at different rates (" + CompareText.plain(rateA) + " and "
                    + CompareText.plain(rateB) + " req/s): their latencies are of different loads");
        }
        return caveats;
    }

    private static Percentile called(String metric, RunFigures a, RunFigures b,
            ToDoubleFunction<Summary.Latency> percentile, PercentileBootstrap.Band band) {
        double before = percentile.applyAsDouble(a.latencyMs());
        double after = percentile.applyAsDouble(b.latencyMs());
        return new Percentile(metric, before, after, micros(after - before), micros(band.lowMs()),
                micros(band.highMs()), band.call());
    }

    private static Percentile uncalled(String metric, double a, double b) {
        return new Percentile(metric, a, b, micros(b - a), null, null, null);
    }

    private static Difference difference(String metric, double a, double b) {
        return new Difference(metric, a, b, Math.round((b - a) * 1e6) / 1e6);
    }

    /** Latencies are recorded in µs: more digits of a difference in ms are floating-point noise. */
    private static double micros(double ms) {
        return Math.round(ms * 1_000) / 1_000.0;
    }
}
