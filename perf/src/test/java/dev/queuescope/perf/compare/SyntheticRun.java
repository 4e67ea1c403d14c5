package dev.queuescope.perf.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A run directory as {@code run} leaves it, minus what compare does not read: latency.hlog with
 * {@value #PER_SECOND} requests a second, log-normal around a median, and a summary.json whose
 * latencies are the log's.
 */
final class SyntheticRun {

    static final int PER_SECOND = 200;
    static final int SECONDS = 30;

    private SyntheticRun() {
    }

    static Path write(Path directory, String id, long seed, double medianMs, long startMillis) throws IOException {
        Files.createDirectories(directory);
        Histogram all = hlog(directory.resolve("latency.hlog"), seed, medianMs, startMillis);
        Files.writeString(directory.resolve("summary.json"), String.format(Locale.ROOT, """
                {"run": {"id": "%s", "objectiveP99Ms": 25.0},
                 "generator": {"intendedRate": 200.0, "achievedRate": 200.0, "saturated": false, "saturationReason": "",
                   "cpuMicrosPerRequest": 20.0, "pinned": "none", "maxConnections": 64, "connectionCapReached": false},
                 "latencyMs": {"p50": %s, "p90": %s, "p99": %s, "p999": %s, "max": %s},
                 "throughput": {"requestsPerSecond": 200.0, "errorRate": 0.0, "rejectedRate": 0.005, "sent": 6000,
                   "completed": 6000, "errors": 0, "rejected": 30},
                 "objectiveMet": %s,
                 "queues": [{"name": "db-pool", "observed": true, "kind": "request", "score": 0.0, "waitMsPerRequest": 0.25,
                   "serviceMsPerRequest": 0.0, "shareOfP50": 0.01, "shareOfP99": null, "waitShareOfP99": null,
                   "evidence": []}]}
                """, id, ms(all, 50), ms(all, 90), ms(all, 99), ms(all, 99.9), all.getMaxValue() / 1_000.0,
                all.getValueAtPercentile(99) <= 25_000));
        return directory;
    }

    static Histogram hlog(Path file, long seed, double medianMs, long startMillis) throws IOException {
        return hlog(file, seed, medianMs, startMillis, SECONDS);
    }

    /** Per-second interval histograms of µs, as the generator writes them; returns all seconds merged. */
    static Histogram hlog(Path file, long seed, double medianMs, long startMillis, int seconds) throws IOException {
        Random random = new Random(seed);
        Histogram all = new Histogram(3);
        try (PrintStream out = new PrintStream(Files.newOutputStream(file))) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputStartTime(startMillis);
            writer.setBaseTime(startMillis);
            writer.outputBaseTime(startMillis);
            writer.outputLegend();
            for (int s = 0; s < seconds; s++) {
                Histogram second = new Histogram(3);
                for (int i = 0; i < PER_SECOND; i++) {
                    second.recordValue(Math.round(1_000 * medianMs * Math.exp(0.5 * random.nextGaussian())));
                }
                second.setStartTimeStamp(startMillis + 1_000L * s);
                second.setEndTimeStamp(startMillis + 1_000L * (s + 1));
                writer.outputIntervalHistogram(second);
                all.add(second);
            }
        }
        return all;
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
