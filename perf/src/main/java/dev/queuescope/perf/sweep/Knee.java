package dev.queuescope.perf.sweep;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a sweep's service stopped keeping up: the first step, in rising offered rate, whose
 * throughput no longer follows the offered rate, or from which p99 stays off its plateau (a lone
 * spike at a light step, followed by steps back on the plateau, is noise, not the knee). Steps where
 * the generator fell behind are left out by the caller: they understate the service.
 *
 * @param queueThatGrewFirst the queue whose wait per request rose most from the step before the knee
 *                           to the knee; null when the knee is the first step, no queue was measured
 *                           in both, none rose, or two rose equally
 */
public record Knee(double percent, double offeredRate, boolean throughputFellBehind, boolean p99LeftPlateau,
        @Nullable String queueThatGrewFirst) {

    /**
     * Throughput falls behind below 90 % of the rate the generator actually sent (not the intended
     * rate: Poisson arrivals alone stray from it by ~5 %, one standard deviation, at 20 req/s for 20 s). A service keeping up
     * answers all but the few requests in flight when the measured phase ends, well under 1 %, so a
     * tenth missing is requests still queued, failed or shed.
     */
    static final double THROUGHPUT_SHORTFALL = 0.9;

    /**
     * p99 has left its plateau when it is above twice the plateau at a step and every later one:
     * repeated runs at one light rate spread p99 by up to that much on this shared 2-core machine
     * (the perf guide's first runs: 60 and 119 ms), so a smaller factor would mark noise; the
     * throughput rule is the firmer of the two.
     */
    static final double P99_PLATEAU_FACTOR = 2.0;

    /** The plateau is the median p99 of the first three steps: one noisy light step cannot move it. */
    static final int PLATEAU_STEPS = 3;

    /** The knee of steps in rising offered rate (steps to leave out already left out), if any. */
    public static Optional<Knee> find(List<Step> steps) {
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        double plateau = median(steps.subList(0, Math.min(PLATEAU_STEPS, steps.size())).stream()
                .mapToDouble(Step::p99Ms).sorted().toArray());
        double ceiling = P99_PLATEAU_FACTOR * plateau;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean behind = step.achievedRate() < THROUGHPUT_SHORTFALL * step.sentRate();
            boolean leftPlateau = steps.subList(i, steps.size()).stream().allMatch(s -> s.p99Ms() > ceiling);
            if (behind || leftPlateau) {
                return Optional.of(new Knee(step.percent(), step.offeredRate(), behind, leftPlateau,
                        i == 0 ? null : queueThatGrewMost(steps.get(i - 1), step)));
            }
        }
        return Optional.empty();
    }

    static @Nullable String queueThatGrewMost(Step before, Step knee) {
        String grown = null;
        double most = 0;
        boolean tie = false;
        for (Map.Entry<String, @Nullable Double> queue : knee.waitMsPerRequest().entrySet()) {
            Double was = before.waitMsPerRequest().get(queue.getKey());
            Double is = queue.getValue();
            if (was == null || is == null) {
                continue;
            }
            double increase = is - was;
            if (increase > most) {
                grown = queue.getKey();
                most = increase;
                tie = false;
            } else if (increase == most && increase > 0) {
                tie = true;
            }
        }
        return tie ? null : grown;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
