package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.ThreadWait;
import dev.queuescope.perf.analysis.LockWaits.LockWait;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the requests being served were doing while another waited to get in — for a free server thread,
 * or before it reached the server at all (the client's connections all taken by requests in flight). The
 * share of the served requests' time spent waiting for a lock is that lock's queue spilling out to the
 * door: a server full of requests blocked on one monitor turns new ones away because of the monitor, a
 * server full of requests at work because it has too few threads.
 */
final class EntryWaits {

    private final LockWaits locks;
    private final List<ServedRequest> byStart;
    private final long longest;

    private EntryWaits(LockWaits locks, List<ServedRequest> served) {
        this.locks = locks;
        this.byStart = served.stream().sorted(Comparator.comparingLong(ServedRequest::startNanos)).toList();
        this.longest = served.stream().mapToLong(r -> r.endNanos() - r.startNanos()).max().orElse(0);
    }

    /** From the lock waits of statements and of threads while serving a request. */
    static EntryWaits of(Capture capture, DatabaseWaits database, Map<Long, List<RequestAccount>> byThread) {
        List<LockWait> waits = new ArrayList<>(LockWaits.inStatements(capture, database));
        for (ThreadWait wait : capture.threadWaits()) {
            if (wait.jvmLock() && Attribution.covering(byThread.get(wait.threadId()), wait.startNanos()) != null) {
                waits.add(new LockWait(wait.startNanos(), wait.endNanos(), 1, Queue.JVM_LOCKS));
            }
        }
        return new EntryWaits(new LockWaits(waits), capture.requests());
    }

    /** The fraction of the served requests' time in [from, to) that went to each lock; together at most 1. */
    Map<Queue, Double> lockShares(long from, long to) {
        Map<Queue, Double> shares = new EnumMap<>(Queue.class);
        if (to <= from) {
            return shares;
        }
        double served = servedTime(from, to);
        if (served <= 0) {
            return shares;
        }
        Map<Queue, Double> held = locks.during(from, to);
        double total = held.values().stream().mapToDouble(Double::doubleValue).sum();
        double scale = total > served ? 1 / total : 1 / served;
        held.forEach((queue, nanos) -> shares.put(queue, nanos * scale));
        return shares;
    }

    private double servedTime(long from, long to) {
        double served = 0;
        int first = LockWaits.firstAtOrAfter(byStart, ServedRequest::startNanos, from - longest);
        for (int i = first; i < byStart.size() && byStart.get(i).startNanos() < to; i++) {
            ServedRequest request = byStart.get(i);
            served += Math.max(0, Math.min(to, request.endNanos()) - Math.max(from, request.startNanos()));
        }
        return served;
    }
}
