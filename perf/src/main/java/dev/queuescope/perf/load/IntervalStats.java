package dev.queuescope.perf.load;

/**
 * One interval (one second, the last may be shorter) of the measured phase. Latencies are those of
 * responses that ended in the interval; {@code sent} counts requests sent in it.
 */
public record IntervalStats(long startEpochMillis, long sent, long completed, long errors, long rejected,
        double p50Ms, double p99Ms, double maxMs, double p99MsUncorrected) {
}
