package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.CpuLoad;
import dev.queuescope.perf.analysis.Capture.Interval;
import dev.queuescope.perf.analysis.Capture.Statement;
import dev.queuescope.perf.analysis.Capture.ThreadWait;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Splits each request's latency by queue, classifying a wait by the resource waited for, not by how
 * the thread waited (DESIGN.md): a park in a Log4j appender is logging, a park in a
 * {@code ReentrantLock} is a JVM lock, a statement's time is divided by what PostgreSQL's sampled
 * backends of that statement were doing.
 *
 * <ul>
 * <li>http-threads (wait): the part of the time from intended start until a server thread started the
 *     request during which every server thread was busy (from the requests' own server intervals and
 *     the pool's configured maximum). With a thread free, the same gap is the generator's, the
 *     network's or the CPU's, not a queue for threads. Except, for the whole gap, the share of the served
 *     requests' time meanwhile spent waiting for a lock ({@link EntryWaits}): threads (or the client's
 *     connections) all taken by requests blocked on a lock are that lock's queue, spilling out to the door.</li>
 * <li>db-pool (wait): Hikari's acquire time — except the part spent behind connections whose holders were
 *     themselves waiting for a lock (a row lock in the database, a monitor or {@code java.util.concurrent}
 *     lock in the JVM), or logging inside their statements: a pool that is full of lock waiters or of
 *     requests writing log lines is that lock's or logging's queue, spilling over. The part is the
 *     lock-waiting (logging) share of the pool's connection time while the request waited.</li>
 * <li>db-locks (wait) / db-statements (wait: other database waits, service: the rest): a statement's
 *     whole time — the database, and on the client rendering, mapping rows and the wake-up after each
 *     round trip (the thread's CPU and run-queue delay inside the statement are the statement's cost,
 *     not the application's computing). A collector's pause inside a statement stopped the client, not the
 *     database: that part is gc; a connection wait inside it (a statement outside a transaction borrows its
 *     connection as it starts) is db-pool; logging done inside a statement (waits and CPU in logging code) logging's.</li>
 * <li>jvm-locks (wait): monitor enters and parks on {@code java.util.concurrent.locks} outside logging code.</li>
 * <li>logging: waits inside logging code (wait), file writes from it and the CPU spent in it (service): the
 *     share of a route's CPU samples, taken on its requests' threads while they served them, that were in
 *     logging code ({@link LoggingCode}) — formatting, location lookups, writing on the caller's thread.</li>
 * <li>gc (wait): stop-the-world pauses overlapping the request's latency — on its thread, or before it
 *     got one: a pause stops the acceptor and the poller too, so a request that arrives during one waits
 *     for its end. That part of the gap is not also counted as a wait for threads.</li>
 * <li>cpu: the thread's CPU time (service) and run-queue delay (wait) outside statements, both measured
 *     by the service (thread CPU clock, the kernel's scheduler statistics). A service that does not record the delay gets it inferred:
 *     time nothing else explains, in a second the machine's CPU was at least
 *     {@link LedgerSettings#cpuBusy()} busy.</li>
 * </ul>
 */
final class Attribution {

    private static final double[] NO_LOGGING = {0, 0};

    private Attribution() {
    }

    static List<RequestAccount> of(Capture capture, LedgerSettings settings) {
        List<Interval> saturated = saturated(capture.serverWork(), capture.serverThreads());
        Map<String, RequestAccount> byId = new HashMap<>();
        capture.requests().forEach(request -> byId.put(request.id(), new RequestAccount(request)));
        Map<Long, List<RequestAccount>> byThread = byThread(List.copyOf(byId.values()));
        // What PostgreSQL's backends of each statement did: for the statements' split and the lock holders'.
        DatabaseWaits database = new DatabaseWaits(capture.pgSamples());
        EntryWaits entry = EntryWaits.of(capture, database, byThread);
        for (RequestAccount account : byId.values()) {
            beforeServer(capture, saturated, entry, account);
        }
        PoolWaits.attribute(capture, database, byId, byThread);
        attribute(capture, settings, database, byId, byThread);
        PoolWaits.behindLogging(capture, byId);
        return List.copyOf(byId.values());
    }

    /** From intended start to a server thread: a pause, full threads, or a lock the served requests waited for. */
    private static void beforeServer(Capture capture, List<Interval> saturated, EntryWaits entry,
            RequestAccount account) {
        ServedRequest request = account.request;
        long paused = pauses(capture, request.intendedNanos(), request.startNanos());
        account.addWait(Queue.GC, paused);
        long behind = request.startNanos() - request.intendedNanos() - paused;
        long threadsFull = overlap(saturated, request.intendedNanos(), request.startNanos()) - paused;
        Map<Queue, Double> locks = entry.lockShares(request.intendedNanos(), request.startNanos());
        long moved = 0;
        for (Map.Entry<Queue, Double> lock : locks.entrySet()) {
            long part = Math.round(behind * lock.getValue());
            account.addWait(lock.getKey(), part);
            moved += part;
        }
        double spilled = locks.values().stream().mapToDouble(Double::doubleValue).sum();
        account.addWait(Queue.HTTP_THREADS, Math.round(threadsFull * (1 - spilled)));
        account.entryWaitBehindLocks(moved);
    }

    /** The accounts of each thread, in the order it served them. */
    static Map<Long, List<RequestAccount>> byThread(List<RequestAccount> accounts) {
        Map<Long, List<RequestAccount>> byThread = new HashMap<>();
        accounts.forEach(a -> byThread.computeIfAbsent(a.request.threadId(), t -> new ArrayList<>()).add(a));
        byThread.values().forEach(list -> list.sort(Comparator.comparingLong(a -> a.request.startNanos())));
        return byThread;
    }

    /** Statements, thread waits, pauses on the server and CPU, joined by request id or by thread and time. */
    private static void attribute(Capture capture, LedgerSettings settings, DatabaseWaits database,
            Map<String, RequestAccount> byId, Map<Long, List<RequestAccount>> byThread) {
        statements(capture, database, byId);
        for (ThreadWait wait : capture.threadWaits()) {
            RequestAccount account = covering(byThread.get(wait.threadId()), wait.startNanos());
            if (account != null) {
                threadWait(account, wait);
            }
        }
        Map<String, double[]> loggingShare = loggingShareOfCpu(capture, byThread);
        List<CpuLoad> load = capture.cpuLoad().stream().sorted(Comparator.comparingLong(CpuLoad::timeNanos)).toList();
        for (RequestAccount account : byId.values()) {
            ServedRequest request = account.request;
            account.addWait(Queue.GC, pauses(capture, request.startNanos(), request.endNanos()));
            if (request.cpuNanos() >= 0) {
                double[] logging = loggingShare.getOrDefault(request.route(), NO_LOGGING);
                long outsideStatements = Math.max(0, request.cpuNanos() - account.cpuInsideStatements());
                long loggingOutside = Math.round(outsideStatements * logging[0]);
                long loggingInside = account.takeService(Queue.DB_STATEMENTS,
                        Math.round((account.cpuInsideStatements() + account.cpuWaitInsideStatements()) * logging[1]));
                account.loggingInsideStatements(loggingInside);
                account.addService(Queue.LOGGING, loggingOutside + loggingInside);
                account.addService(Queue.CPU, outsideStatements - loggingOutside);
                if (request.cpuWaitNanos() >= 0) {
                    // The run-queue delay in the same proportion as the work the thread was about to do.
                    long cpuWait = Math.max(0, request.cpuWaitNanos() - account.cpuWaitInsideStatements());
                    long loggingWait = Math.round(cpuWait * logging[0]);
                    account.addWait(Queue.LOGGING, loggingWait);
                    account.addWait(Queue.CPU, cpuWait - loggingWait);
                } else if (machineLoad(load, request.endNanos()) >= settings.cpuBusy()) {
                    account.addWait(Queue.CPU, account.unaccounted());
                }
            }
        }
    }

    /**
     * Per route, the share of CPU samples of its requests (on their threads, while served) that were in logging
     * code: [0] of the samples outside the requests' statements, [1] of those inside them.
     */
    private static Map<String, double[]> loggingShareOfCpu(Capture capture, Map<Long, List<RequestAccount>> byThread) {
        Map<String, long[]> counts = new HashMap<>();
        for (Capture.StackSample sample : capture.stackSamples()) {
            RequestAccount account = covering(byThread.get(sample.threadId()), sample.timeNanos());
            if (account != null) {
                long[] count = counts.computeIfAbsent(account.request.route(), r -> new long[4]);
                int inside = account.timeInStatements(sample.timeNanos(), sample.timeNanos() + 1) > 0 ? 2 : 0;
                count[inside] += LoggingCode.inLogging(sample.frames()) ? 1 : 0;
                count[inside + 1]++;
            }
        }
        Map<String, double[]> share = new HashMap<>();
        counts.forEach((route, c) -> share.put(route, new double[] {
            c[1] == 0 ? 0 : (double) c[0] / c[1], c[3] == 0 ? 0 : (double) c[2] / c[3]}));
        return share;
    }

    private static void statements(Capture capture, DatabaseWaits database, Map<String, RequestAccount> byId) {
        Map<String, List<Interval>> acquiring = new HashMap<>();
        capture.acquires().forEach(a -> acquiring.computeIfAbsent(a.requestId(), id -> new ArrayList<>())
                .add(new Interval(a.startNanos(), a.endNanos())));
        for (Statement statement : capture.statements()) {
            RequestAccount account = byId.get(statement.requestId());
            if (account == null) {
                continue;
            }
            DatabaseWaits.Split split = database.of(statement.sql());
            long end = statement.startNanos() + statement.durationNanos();
            long waitedForConnection = 0;
            for (Interval acquire : acquiring.getOrDefault(statement.requestId(), List.of())) {
                waitedForConnection += acquire.overlap(statement.startNanos(), end);
            }
            long inDatabase = statement.durationNanos() - pauses(capture, statement.startNanos(), end)
                    - waitedForConnection;
            long lock = Math.round(inDatabase * split.lock());
            long otherWait = Math.round(inDatabase * split.otherWait());
            account.addWait(Queue.DB_LOCKS, lock);
            account.addWait(Queue.DB_STATEMENTS, otherWait);
            account.addService(Queue.DB_STATEMENTS, inDatabase - lock - otherWait);
            account.insideStatements(Math.max(0, statement.clientCpuNanos()), Math.max(0, statement.clientCpuWaitNanos()));
            account.statement(new Interval(statement.startNanos(), end));
        }
    }

    private static void threadWait(RequestAccount account, ThreadWait wait) {
        long end = Math.min(wait.endNanos(), account.request.endNanos());
        long nanos = end - wait.startNanos();
        if (wait.logging()) {
            // Logging from inside a statement (a driver's or jOOQ's logger) stalled the statement's client:
            // that part of the statement's time is logging's.
            account.loggingInsideStatements(
                    account.takeService(Queue.DB_STATEMENTS, account.timeInStatements(wait.startNanos(), end)));
            if (wait.kind() == ThreadWait.Kind.FILE_WRITE) {
                account.addService(Queue.LOGGING, nanos);
            } else {
                account.addWait(Queue.LOGGING, nanos);
            }
        } else if (wait.jvmLock()) {
            account.addWait(Queue.JVM_LOCKS, nanos);
        }
        // Other parks (Hikari's handoff: counted as db-pool by its acquire time) and file IO are not a queue here.
    }

    private static long pauses(Capture capture, long from, long to) {
        long paused = 0;
        for (Interval pause : capture.gcPauses()) {
            paused += pause.overlap(from, to);
        }
        return paused;
    }

    /**
     * When at least {@code threads} server threads were busy at once (none when the maximum is unknown). A
     * thread is busy while it serves a request, and also between two requests when the second was already
     * due as the first ended: the thread went from one to the next, and the gap is its own work outside
     * the recorded span (the connector reading the next request, writing the last response, waiting for a
     * CPU) — with one thread and a backlog, a quarter of its time.
     */
    static List<Interval> saturated(List<ServedRequest> requests, int threads) {
        List<Interval> segments = new ArrayList<>();
        if (threads <= 0) {
            return segments;
        }
        List<long[]> edges = new ArrayList<>(requests.size() * 2);
        Map<Long, List<ServedRequest>> byThread = new HashMap<>();
        requests.forEach(r -> byThread.computeIfAbsent(r.threadId(), t -> new ArrayList<>()).add(r));
        for (List<ServedRequest> served : byThread.values()) {
            served.sort(Comparator.comparingLong(ServedRequest::startNanos));
            ServedRequest previous = null;
            for (ServedRequest request : served) {
                boolean backToBack = previous != null && request.intendedNanos() > 0
                        && request.intendedNanos() <= previous.endNanos();
                edges.add(new long[] {backToBack ? previous.endNanos() : request.startNanos(), 1});
                edges.add(new long[] {request.endNanos(), -1});
                previous = request;
            }
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int busy = 0;
        long since = 0;
        for (long[] edge : edges) {
            int before = busy;
            busy += (int) edge[1];
            if (before < threads && busy >= threads) {
                since = edge[0];
            } else if (before >= threads && busy < threads) {
                segments.add(new Interval(since, edge[0]));
            }
        }
        return segments;
    }

    /** Time inside [from, to) covered by the sorted, disjoint segments. */
    static long overlap(List<Interval> segments, long from, long to) {
        long total = 0;
        for (Interval segment : segments) {
            if (segment.startNanos() >= to) {
                break;
            }
            total += segment.overlap(from, to);
        }
        return total;
    }

    /** The request the thread was serving at that moment, if any. */
    static @Nullable RequestAccount covering(@Nullable List<RequestAccount> sorted, long atNanos) {
        if (sorted == null) {
            return null;
        }
        int low = 0;
        int high = sorted.size() - 1;
        RequestAccount candidate = null;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).request.startNanos() <= atNanos) {
                candidate = sorted.get(middle);
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return candidate != null && atNanos < candidate.request.endNanos() ? candidate : null;
    }

    /** The machine's CPU load of the one-second sample that covers the moment (the next sample after it). */
    private static double machineLoad(List<CpuLoad> sorted, long atNanos) {
        for (CpuLoad sample : sorted) {
            if (sample.timeNanos() >= atNanos) {
                return sample.machineTotal();
            }
        }
        return sorted.isEmpty() ? 0 : sorted.getLast().machineTotal();
    }
}
