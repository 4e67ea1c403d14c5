package dev.queuescope.perf.load;

import org.HdrHistogram.Histogram;

/**
 * Whether the generator, not the service, fell behind. A slow service makes requests wait for
 * connections and responses, which is latency; only the generator failing to send on time is
 * saturation, because then the service was offered less load than the plan says.
 *
 * @param saturated the generator fell behind
 * @param reason    why, empty when not saturated
 */
record Saturation(boolean saturated, String reason) {

    /**
     * A generator that cannot keep up is late for most requests, and its lag grows without bound (the
     * saturation test: p90 in the hundreds of milliseconds). A healthy generator on a busy machine is late
     * only during stalls: GC pauses, the OS running other threads, a burst of completions when a stalled
     * service recovers. Those hit a few per cent of requests (measured on the shared 2-core test machine
     * at load average 5–6: lag p50 1 ms, p90 2–4 ms, p99 9–14 ms, max 23–51 ms, generator fine). So the
     * verdict uses p90, which stalls covering under a tenth of the time cannot move, with 10 ms: ten
     * times the 1 ms timer rounding, and small against the latencies a service is judged by. The whole
     * lag histogram is in the result for anyone who wants p99.
     */
    static final double MAX_LAG_PERCENTILE = 90;
    static final double MAX_LAG_MS = 10.0;

    /** The event-loop thread busy this much of the wall time has no headroom left for bursts. */
    static final double MAX_BUSY_FRACTION = 0.95;

    /**
     * @param lagMicros    dispatch − intended start, for measured requests that found a free connection
     * @param busyFraction the generator thread's CPU time over the measured phase's wall time, NaN if
     *                     unknown
     * @param unsent       measured requests that came due but were never sent
     */
    static Saturation judge(Histogram lagMicros, double busyFraction, long unsent) {
        StringBuilder reason = new StringBuilder();
        if (unsent > 0) {
            append(reason, unsent + " requests came due but were never sent before the measured phase ended");
        }
        double lagMs = lagMicros.getValueAtPercentile(MAX_LAG_PERCENTILE) / 1_000.0;
        if (lagMicros.getTotalCount() > 0 && lagMs > MAX_LAG_MS) {
            append(reason, String.format("scheduler lag p%.0f %.1f ms > %.1f ms (sends not waiting for a connection)",
                    MAX_LAG_PERCENTILE, lagMs, MAX_LAG_MS));
        }
        if (busyFraction >= MAX_BUSY_FRACTION) {
            append(reason, String.format("generator thread %.0f %% busy >= %.0f %%",
                    busyFraction * 100, MAX_BUSY_FRACTION * 100));
        }
        return new Saturation(!reason.isEmpty(), reason.toString());
    }

    private static void append(StringBuilder reason, String part) {
        if (!reason.isEmpty()) {
            reason.append("; ");
        }
        reason.append(part);
    }
}
