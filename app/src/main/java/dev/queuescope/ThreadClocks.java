package dev.queuescope;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's two clocks at one moment: its CPU time (one {@code clock_gettime}) and its
 * run-queue wait ({@link RunQueueClock}); -1 where unknown. The differences across a request or a
 * statement let the perf kit tell running from waiting for a core from waiting for something else.
 */
record ThreadClocks(long cpuNanos, long runQueueNanos) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static ThreadClocks now() {
        return new ThreadClocks(THREADS.getCurrentThreadCpuTime(), RunQueueClock.waitedNanos());
    }

    /** CPU time used since {@code earlier}; -1 when either reading is unknown. */
    long cpuSince(ThreadClocks earlier) {
        return since(earlier.cpuNanos, cpuNanos);
    }

    /** Time waited runnable for a core since {@code earlier}; -1 when either reading is unknown. */
    long runQueueSince(ThreadClocks earlier) {
        return since(earlier.runQueueNanos, runQueueNanos);
    }

    private static long since(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }
}
