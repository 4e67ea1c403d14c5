package dev.queuescope.perf.overload;

import dev.queuescope.perf.load.IntervalStats;
import dev.queuescope.perf.load.PhaseResult;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The figures by which an overload run is judged, from its phases and its per-second intervals.
 * The baseline is the first phase, the overload phase the one with the highest intended rate (the first
 * of equals). Latencies are corrected (from intended start), milliseconds.
 *
 * @param goodputPerSecond 2xx responses to requests intended in the overload phase, per second of it
 * @param goodputRatio     {@code goodputPerSecond} ÷ {@code maxThroughput}
 * @param maxThroughput    the knee's maximum throughput; when that was only a lower bound and the overload
 *                         phase served more, the overload phase's goodput: the most the service was seen to do
 * @param rejectP99Ms      p99 of the overload phase's 429 and 503 responses; null when there were none
 * @param baselineP99Ms    p99 of all responses of the baseline phase
 * @param recoverySeconds  whole seconds from the end of the overload phase to the first of
 *                         {@value #RECOVERED_SECONDS} consecutive answered seconds whose p99 is within
 *                         {@value #RECOVERED_FACTOR} × {@code baselineP99Ms}; null when that never happened
 * @param overloadPhase    index of the overload phase
 */
public record OverloadFigures(double goodputPerSecond, double goodputRatio, double maxThroughput,
        @Nullable Double rejectP99Ms,
        double baselineP99Ms, @Nullable Integer recoverySeconds, int overloadPhase) {

    /** Back to the baseline means a p99 within this factor of the baseline's: seconds of 1 000 requests are noisy. */
    public static final double RECOVERED_FACTOR = 1.5;
    /** ... for this many seconds in a row, so one lucky second is not a recovery. */
    public static final int RECOVERED_SECONDS = 3;

    /**
     * @param phases        at least two; the first is the baseline
     * @param perSecond     the measured phase second by second (by response end), drain included
     * @param knee          the knee the phases' rates came from, with the service's maximum throughput
     */
    public static OverloadFigures of(List<PhaseResult> phases, List<IntervalStats> perSecond, Knee knee) {
        if (phases.size() < 2) {
            throw new IllegalArgumentException("an overload run has a baseline phase and an overload phase");
        }
        int overload = phases.indexOf(phases.stream().max(Comparator.comparingDouble(PhaseResult::intendedRate))
                .orElseThrow());
        PhaseResult phase = phases.get(overload);
        double goodput = phase.success().getTotalCount() / phase.seconds();
        double maxThroughput = knee.maxThroughputLowerBound() ? Math.max(knee.maxThroughput(), goodput)
                : knee.maxThroughput();
        Histogram refused = phase.refused();
        Double rejectP99 = refused.getTotalCount() == 0 ? null : ms(refused.getValueAtPercentile(99));
        double baselineP99 = ms(phases.getFirst().all().getValueAtPercentile(99));
        int overloadEnd = (int) Math.round(phase.startSecond() + phase.seconds());
        return new OverloadFigures(goodput, goodput / maxThroughput, maxThroughput, rejectP99, baselineP99,
                recoverySeconds(perSecond, overloadEnd, RECOVERED_FACTOR * baselineP99), overload);
    }

    /** The first run of recovered seconds at or after {@code from}, as seconds after {@code from}. */
    static @Nullable Integer recoverySeconds(List<IntervalStats> perSecond, int from, double p99CeilingMs) {
        int inARow = 0;
        for (int second = from; second < perSecond.size(); second++) {
            IntervalStats stats = perSecond.get(second);
            boolean answered = stats.completed() + stats.rejected() + stats.errors() > 0;
            inARow = answered && stats.p99Ms() <= p99CeilingMs ? inARow + 1 : 0;
            if (inARow == RECOVERED_SECONDS) {
                return second - RECOVERED_SECONDS + 1 - from;
            }
        }
        return null;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
