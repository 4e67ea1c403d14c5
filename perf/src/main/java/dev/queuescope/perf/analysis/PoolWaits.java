package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.ThreadWait;
import dev.queuescope.perf.analysis.LockWaits.LockWait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connection waits, split by what the pool's connections were held for while a request waited: the
 * part during which their holders were themselves waiting for a lock — a row lock in the database
 * (by PostgreSQL's sampled backends of their statements), a monitor or {@code java.util.concurrent}
 * lock in the JVM — is that lock's queue spilling into the pool, the part during which they were
 * logging inside their statements is logging's; the rest is db-pool's.
 */
final class PoolWaits {

    private PoolWaits() {
    }

    static void attribute(Capture capture, DatabaseWaits database, Map<String, RequestAccount> byId,
            Map<Long, List<RequestAccount>> byThread) {
        LockWaits holders = holdersLockWaits(capture, database, byThread);
        int connections = capture.poolConnections();
        for (Capture.Acquire acquire : capture.acquires()) {
            RequestAccount account = byId.get(acquire.requestId());
            if (account == null) {
                continue;
            }
            long wait = acquire.waitNanos();
            Map<Queue, Double> held = connections > 0 && wait > 0
                    ? holders.during(acquire.startNanos(), acquire.endNanos()) : Map.of();
            double capacity = (double) connections * wait;
            double lockShare = held.values().stream().mapToDouble(Double::doubleValue).sum() / Math.max(1, capacity);
            double scale = lockShare > 1 ? 1 / lockShare : 1;
            long moved = 0;
            for (Map.Entry<Queue, Double> entry : held.entrySet()) {
                long part = Math.round(wait * entry.getValue() / capacity * scale);
                account.addWait(entry.getKey(), part);
                moved += part;
            }
            account.addWait(Queue.DB_POOL, wait - moved);
            account.poolWaitBehindLocks(moved);
        }
    }

    /**
     * When threads that held a connection waited for a lock: the lock-waiting part of statements (by what
     * PostgreSQL's sampled backends of that statement did), and monitor / j.u.c lock waits of a thread whose
     * request had got a connection by then — taken as held to the request's end, as it is inside a
     * transaction (releases are not recorded).
     */
    private static LockWaits holdersLockWaits(Capture capture, DatabaseWaits database,
            Map<Long, List<RequestAccount>> byThread) {
        List<LockWait> waits = new ArrayList<>(LockWaits.inStatements(capture, database));
        Map<String, Long> connected = firstConnected(capture);
        for (ThreadWait wait : capture.threadWaits()) {
            RequestAccount holder = Attribution.covering(byThread.get(wait.threadId()), wait.startNanos());
            Long since = holder == null ? null : connected.get(holder.request.id());
            if (since != null && since <= wait.startNanos() && wait.jvmLock()) {
                waits.add(new LockWait(wait.startNanos(), wait.endNanos(), 1, Queue.JVM_LOCKS));
            }
        }
        return new LockWaits(waits);
    }

    /**
     * After the holders' own time is attributed: the share of each connection wait during which the pool's
     * connections were held by requests logging inside their statements (a SQL logger formatting every row,
     * a synchronous appender) moves from db-pool to logging. A holder's logging is taken as spread evenly
     * over the time it held its connection (first acquire to its end, as inside a transaction).
     */
    static void behindLogging(Capture capture, Map<String, RequestAccount> byId) {
        int connections = capture.poolConnections();
        if (connections <= 0) {
            return;
        }
        Map<String, Long> connected = firstConnected(capture);
        // Indexed like lock waits: stretches of connection time, weighted by the share spent logging.
        List<LockWait> logging = new ArrayList<>();
        connected.forEach((id, since) -> {
            RequestAccount holder = byId.get(id);
            long held = holder == null ? 0 : holder.request.endNanos() - since;
            if (held > 0 && holder.loggingInsideStatements() > 0) {
                logging.add(new LockWait(since, holder.request.endNanos(),
                        Math.min(1.0, holder.loggingInsideStatements() / (double) held), Queue.LOGGING));
            }
        });
        if (logging.isEmpty()) {
            return;
        }
        LockWaits holders = new LockWaits(logging);
        for (Capture.Acquire acquire : capture.acquires()) {
            RequestAccount account = byId.get(acquire.requestId());
            long wait = acquire.waitNanos();
            if (account == null || wait <= 0) {
                continue;
            }
            double held = holders.during(acquire.startNanos(), acquire.endNanos()).getOrDefault(Queue.LOGGING, 0.0);
            long part = Math.round(wait * Math.min(1.0, held / ((double) connections * wait)));
            account.addWait(Queue.LOGGING, account.takeWait(Queue.DB_POOL, part));
        }
    }

    /** When each request first had a connection: its earliest acquire's end, by request id. */
    private static Map<String, Long> firstConnected(Capture capture) {
        Map<String, Long> connected = new HashMap<>();
        capture.acquires().forEach(a -> connected.merge(a.requestId(), a.endNanos(), Math::min));
        return connected;
    }
}
