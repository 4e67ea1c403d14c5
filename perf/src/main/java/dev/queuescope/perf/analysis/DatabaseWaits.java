package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.PgSample;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a statement's time inside PostgreSQL was made of, from pg_stat_activity samples of the same
 * statement: the fraction of its sampled backends waiting for a lock, waiting for something else
 * (IO, LWLock, …) and running. The client-side duration of a statement is split by these fractions.
 * Statements are matched by their text: the driver sends jOOQ's SQL with {@code ?} numbered as {@code $n}.
 */
final class DatabaseWaits {

    private static final Pattern PARAMETER = Pattern.compile("\\$\\d+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final int KEY_LENGTH = 120;

    record Split(double lock, double otherWait) {
        static final Split NONE = new Split(0, 0);
    }

    private final Map<String, int[]> byQuery = new HashMap<>();

    DatabaseWaits(Iterable<PgSample> samples) {
        for (PgSample sample : samples) {
            if (!sample.active() || sample.query() == null) {
                continue;
            }
            int[] counts = byQuery.computeIfAbsent(key(sample.query()), k -> new int[3]);
            counts[0] += sample.backends();
            if (sample.lockWait()) {
                counts[1] += sample.backends();
            } else if (sample.otherWait()) {
                counts[2] += sample.backends();
            }
        }
    }

    Split of(String sql) {
        int[] counts = byQuery.get(key(sql));
        return counts == null || counts[0] == 0 ? Split.NONE
                : new Split(counts[1] / (double) counts[0], counts[2] / (double) counts[0]);
    }

    /**
     * Backends matching the filter in each sample (a sample's groups are committed within
     * microseconds of each other, so they are grouped by 100 ms), samples with none included.
     */
    static List<Integer> perSample(List<PgSample> samples, Predicate<PgSample> filter) {
        Map<Long, Integer> bySample = new TreeMap<>();
        for (PgSample sample : samples) {
            bySample.merge(sample.timeNanos() / 100_000_000L, filter.test(sample) ? sample.backends() : 0, Integer::sum);
        }
        return List.copyOf(bySample.values());
    }

    static String key(String sql) {
        String normal = SPACE.matcher(PARAMETER.matcher(sql).replaceAll("?")).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
        return normal.length() > KEY_LENGTH ? normal.substring(0, KEY_LENGTH) : normal;
    }
}
