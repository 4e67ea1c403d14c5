package dev.queuescope.perf.analysis;

import java.util.ArrayList;
import java.util.List;

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
    private long loggingInsideStatements;
    private long entryWaitBehindLocks;
    private final List<Capture.Interval> statements = new ArrayList<>();

    RequestAccount(ServedRequest request) {
        this.request = request;
    }

    void addWait(Queue queue, long nanos) {
        wait[queue.ordinal()] += Math.max(0, nanos);
    }

    void addService(Queue queue, long nanos) {
        service[queue.ordinal()] += Math.max(0, nanos);
    }

    /** The request ran a statement over this interval. */
    void statement(Capture.Interval interval) {
        statements.add(interval);
    }

    /** How much of [from, to) the request spent inside its statements. */
    long timeInStatements(long from, long to) {
        long inside = 0;
        for (Capture.Interval statement : statements) {
            inside += statement.overlap(from, to);
        }
        return inside;
    }

    /** Takes up to {@code nanos} of a queue's service time away (to count it elsewhere); returns what it took. */
    long takeService(Queue queue, long nanos) {
        return take(service, queue, nanos);
    }

    /** Takes up to {@code nanos} of a queue's wait time away (to count it elsewhere); returns what it took. */
    long takeWait(Queue queue, long nanos) {
        return take(wait, queue, nanos);
    }

    private static long take(long[] times, Queue queue, long nanos) {
        long taken = Math.min(Math.max(0, nanos), times[queue.ordinal()]);
        times[queue.ordinal()] -= taken;
        return taken;
    }

    /** Logging done inside statements (counted at logging): while it ran, the request held its connection. */
    void loggingInsideStatements(long nanos) {
        loggingInsideStatements += Math.max(0, nanos);
    }

    long loggingInsideStatements() {
        return loggingInsideStatements;
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

    /** Time before a server thread counted at a lock's queue because the requests being served waited for it. */
    void entryWaitBehindLocks(long nanos) {
        entryWaitBehindLocks += nanos;
    }

    long entryWaitBehindLocks() {
        return entryWaitBehindLocks;
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
