package dev.queuescope.perf.analysis;

/**
 * Where one request's latency went: nanoseconds spent waiting for and being served by each queue.
 * Filled by {@link Attribution}; read by the rules.
 */
final class RequestAccount {

    final ServedRequest request;
    private final long[] wait = new long[Queue.values().length];
    private final long[] service = new long[Queue.values().length];
    private long cpuInsideStatements;
    private long cpuWaitInsideStatements;
    private long poolWaitBehindLocks;

    RequestAccount(ServedRequest request) {
        this.request = request;
    }

    void addWait(Queue queue, long nanos) {
        wait[queue.ordinal()] += Math.max(0, nanos);
    }

    void addService(Queue queue, long nanos) {
        service[queue.ordinal()] += Math.max(0, nanos);
    }

    /** CPU and run-queue delay of the thread inside statements: the statements' cost, not the cpu queue's. */
    void insideStatements(long cpuNanos, long cpuWaitNanos) {
        cpuInsideStatements += cpuNanos;
        cpuWaitInsideStatements += cpuWaitNanos;
    }

    /** Connection wait counted at a lock's queue because the connections' holders waited for that lock. */
    void poolWaitBehindLocks(long nanos) {
        poolWaitBehindLocks += nanos;
    }

    long poolWaitBehindLocks() {
        return poolWaitBehindLocks;
    }

    long cpuInsideStatements() {
        return cpuInsideStatements;
    }

    long cpuWaitInsideStatements() {
        return cpuWaitInsideStatements;
    }

    long wait(Queue queue) {
        return wait[queue.ordinal()];
    }

    long service(Queue queue) {
        return service[queue.ordinal()];
    }

    long at(Queue queue) {
        return wait(queue) + service(queue);
    }

    long latency() {
        return request.latencyNanos();
    }

    /** Latency no queue accounts for (server-side work before the first event, or overlaps). */
    long unaccounted() {
        long accounted = 0;
        for (Queue queue : Queue.values()) {
            accounted += at(queue);
        }
        return Math.max(0, latency() - accounted);
    }
}
