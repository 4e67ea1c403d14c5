package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Stretches of requests' time spent waiting for a lock — a row lock in the database or a monitor /
 * {@code java.util.concurrent} lock in the JVM — and how much of them fell into a window. What a queue
 * in front of the requests (the pool's, the server threads') was really waiting for.
 */
final class LockWaits {

    /** A stretch of a request's time spent waiting for a lock, weighted by how sure that is. */
    record LockWait(long startNanos, long endNanos, double weight, Queue queue) {
    }

    private final List<LockWait> sorted;
    private final long longest;

    LockWaits(List<LockWait> waits) {
        this.sorted = waits.stream().sorted(Comparator.comparingLong(LockWait::startNanos)).toList();
        this.longest = sorted.stream().mapToLong(w -> w.endNanos() - w.startNanos()).max().orElse(0);
    }

    /** The lock-waiting parts of statements, by what PostgreSQL's sampled backends of each statement did. */
    static List<LockWait> inStatements(Capture capture, DatabaseWaits database) {
        List<LockWait> waits = new ArrayList<>();
        for (Statement statement : capture.statements()) {
            double lock = database.of(statement.sql()).lock();
            if (lock > 0) {
                waits.add(new LockWait(statement.startNanos(), statement.startNanos() + statement.durationNanos(), lock,
                        Queue.DB_LOCKS));
            }
        }
        return waits;
    }

    /** Weighted lock-waiting time inside [from, to), by lock queue (summed over all the waiting threads). */
    Map<Queue, Double> during(long from, long to) {
        Map<Queue, Double> held = new EnumMap<>(Queue.class);
        int first = firstAtOrAfter(sorted, LockWait::startNanos, from - longest);
        for (int i = first; i < sorted.size() && sorted.get(i).startNanos() < to; i++) {
            LockWait w = sorted.get(i);
            long overlap = Math.min(to, w.endNanos()) - Math.max(from, w.startNanos());
            if (overlap > 0) {
                held.merge(w.queue(), overlap * w.weight(), Double::sum);
            }
        }
        return held;
    }

    /** The index of the first element whose key is at least {@code nanos}, in a list sorted by that key. */
    static <T> int firstAtOrAfter(List<T> sorted, ToLongFunction<T> key, long nanos) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (key.applyAsLong(sorted.get(middle)) < nanos) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
