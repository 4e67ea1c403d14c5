package dev.queuescope.perf.analysis;

/**
 * One generator request as the service recorded it (epoch nanoseconds): when the generator meant to
 * send it, when a server thread started and finished it, on which thread, the CPU that thread used
 * meanwhile and how long it waited runnable for a CPU ({@code -1} when the service did not record it).
 */
record ServedRequest(String id, String route, long threadId, long intendedNanos, long startNanos, long endNanos,
        long cpuNanos, long cpuWaitNanos) {

    /** What the client waited: from the intended start (open model) to the server's answer. */
    long latencyNanos() {
        return endNanos - intendedNanos;
    }
}
