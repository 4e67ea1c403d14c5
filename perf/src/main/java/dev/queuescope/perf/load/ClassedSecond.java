package dev.queuescope.perf.load;

/**
 * One interval of the measured phase (aligned with {@link IntervalStats}), responses split by
 * {@link ResponseClass}: how many ended in it and their corrected p99, 0 when there were none.
 */
public record ClassedSecond(long startEpochMillis, long success, long refused, long other, double successP99Ms,
        double refusedP99Ms, double otherP99Ms) {
}
