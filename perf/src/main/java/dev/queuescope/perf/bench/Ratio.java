package dev.queuescope.perf.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of the bench: the shop's throughput over its baseline's, as the median of the repeats'
 * ratios, with their spread (largest minus smallest) and the p99s at half of each side's maximum.
 *
 * @param ratio         median over the repeats of shop ÷ baseline throughput
 * @param spread        largest minus smallest of the repeats' ratios
 * @param p99Ms         median of the shop's p99 at half its maximum (null for the bulk measures)
 * @param baselineP99Ms the same for the baseline
 * @param target        the ratio the shop should reach
 * @param unit          what the throughputs count
 */
record Ratio(String measure, String comparedWith, double ratio, double spread, @Nullable Double p99Ms,
        @Nullable Double baselineP99Ms, double target, boolean met, String unit, List<Repeat> repeats) {

    /** @param value the shop's throughput; {@code baselineValue} the baseline's */
    record Repeat(double value, double baselineValue, double ratio, @Nullable Double p99Ms,
            @Nullable Double baselineP99Ms) {
    }

    static final class Builder {
        private final String measure;
        private final String comparedWith;
        private final double target;
        private final String unit;
        private final List<Repeat> repeats = new ArrayList<>();

        Builder(String measure, String comparedWith, double target, String unit) {
            this.measure = measure;
            this.comparedWith = comparedWith;
            this.target = target;
            this.unit = unit;
        }

        void add(Side shop, Side baseline) {
            repeats.add(new Repeat(shop.maxPerSecond(), baseline.maxPerSecond(),
                    shop.maxPerSecond() / baseline.maxPerSecond(), shop.p99Ms(), baseline.p99Ms()));
        }

        Ratio build() {
            double[] ratios = repeats.stream().mapToDouble(Repeat::ratio).sorted().toArray();
            double median = median(ratios);
            return new Ratio(measure, comparedWith, median, ratios[ratios.length - 1] - ratios[0],
                    medianOrNull(repeats.stream().map(Repeat::p99Ms).toList()),
                    medianOrNull(repeats.stream().map(Repeat::baselineP99Ms).toList()),
                    target, median >= target, unit, List.copyOf(repeats));
        }

        private static @Nullable Double medianOrNull(List<@Nullable Double> values) {
            if (values.stream().anyMatch(Objects::isNull)) {
                return null;
            }
            return median(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        }

        private static double median(double[] sorted) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }
}
