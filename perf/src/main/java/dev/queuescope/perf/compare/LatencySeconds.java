package dev.queuescope.perf.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;

/**
 * A run's latency.hlog second by second, compact enough to be resampled thousands of times: the
 * distinct values recorded (µs, ascending, as HdrHistogram reports them) and, per second, how many
 * requests had each. Merging histograms would cost their whole counts arrays per resample; this
 * costs the ~200 values a second actually holds.
 */
final class LatencySeconds {

    private final long[] values;
    private final int[][] valueIndexes;
    private final long[][] counts;
    private final Instant from;
    private final Instant to;

    private LatencySeconds(long[] values, int[][] valueIndexes, long[][] counts, Instant from, Instant to) {
        this.values = values;
        this.valueIndexes = valueIndexes;
        this.counts = counts;
        this.from = from;
        this.to = to;
    }

    static LatencySeconds read(Path hlog) throws IOException {
        if (!Files.isRegularFile(hlog)) {
            throw new IllegalArgumentException("No " + hlog + ": nothing to estimate the noise from");
        }
        List<AbstractHistogram> seconds = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        try {
            EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null) {
                seconds.add((AbstractHistogram) interval);
            }
        } finally {
            reader.close();
        }
        if (seconds.stream().mapToLong(AbstractHistogram::getTotalCount).sum() == 0) {
            throw new IllegalArgumentException("No requests in " + hlog + ": nothing was measured");
        }
        if (seconds.size() < PercentileBootstrap.MIN_SECONDS) {
            throw new IllegalArgumentException(hlog + " has " + seconds.size() + " seconds; at least "
                    + PercentileBootstrap.MIN_SECONDS + " are needed to estimate the noise");
        }
        // Each second's (value, count) pairs; the iterator hands out one mutable object, so copy as we go.
        long[][] secondValues = new long[seconds.size()][];
        long[][] counts = new long[seconds.size()][];
        TreeSet<Long> distinct = new TreeSet<>();
        for (int s = 0; s < seconds.size(); s++) {
            AbstractHistogram second = seconds.get(s);
            List<long[]> pairs = new ArrayList<>();
            for (HistogramIterationValue v : second.recordedValues()) {
                pairs.add(new long[] {second.highestEquivalentValue(v.getValueIteratedTo()), v.getCountAtValueIteratedTo()});
            }
            secondValues[s] = pairs.stream().mapToLong(pair -> pair[0]).toArray();
            counts[s] = pairs.stream().mapToLong(pair -> pair[1]).toArray();
            Arrays.stream(secondValues[s]).forEach(distinct::add);
        }
        long[] values = distinct.stream().mapToLong(Long::longValue).toArray();
        int[][] indexes = new int[seconds.size()][];
        for (int s = 0; s < seconds.size(); s++) {
            indexes[s] = Arrays.stream(secondValues[s]).mapToInt(value -> Arrays.binarySearch(values, value)).toArray();
        }
        return new LatencySeconds(values, indexes, counts,
                Instant.ofEpochMilli(seconds.stream().mapToLong(AbstractHistogram::getStartTimeStamp).min().orElseThrow()),
                Instant.ofEpochMilli(seconds.stream().mapToLong(AbstractHistogram::getEndTimeStamp).max().orElseThrow()));
    }

    int seconds() {
        return counts.length;
    }

    /** The measured phase: from the first second's start to the last one's end. */
    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    /**
     * The percentiles, in ms, of the requests of {@code seconds} taken together (a second may appear
     * more than once), computed as HdrHistogram's getValueAtPercentile computes them on a merged
     * histogram — so all the seconds give exactly summary.json's numbers. Percentiles ascending.
     */
    double[] percentilesMs(int[] seconds, double[] percentiles) {
        long[] merged = new long[values.length];
        long total = 0;
        for (int s : seconds) {
            for (int i = 0; i < counts[s].length; i++) {
                merged[valueIndexes[s][i]] += counts[s][i];
                total += counts[s][i];
            }
        }
        double[] result = new double[percentiles.length];
        Arrays.fill(result, Double.NaN);
        long below = 0;
        int p = 0;
        for (int i = 0; i < merged.length && p < percentiles.length; i++) {
            below += merged[i];
            while (p < percentiles.length && below >= rank(percentiles[p], total)) {
                result[p++] = values[i] / 1_000.0;
            }
        }
        return result;
    }

    /** How many requests lie at or below a percentile's value: HdrHistogram's rounding, to the request. */
    private static long rank(double percentile, long total) {
        double clamped = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0), 100);
        return Math.max(1, (long) Math.ceil(clamped * total / 100));
    }
}
