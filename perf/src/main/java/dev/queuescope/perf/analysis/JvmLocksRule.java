package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.ThreadWait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * jvm-locks: request-serving threads blocked entering a monitor or parked on a {@code java.util.concurrent}
 * lock outside logging code (JFR records waits from the kit's 1 ms threshold). Evidence: the
 * contended monitor or lock class and the frame that asked for it.
 */
final class JvmLocksRule implements QueueRule {

    @Override
    public Queue queue() {
        return Queue.JVM_LOCKS;
    }

    @Override
    public List<String> requires() {
        return List.of("jdk.JavaMonitorEnter", "jdk.ThreadPark");
    }

    @Override
    public boolean observed(Ledger ledger) {
        return (ledger.capture.has("jdk.JavaMonitorEnter") || ledger.capture.has("jdk.ThreadPark"))
                && !ledger.byLatency.isEmpty();
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        Map<String, Long> byMonitor = new HashMap<>();
        List<long[]> intervals = new ArrayList<>();
        for (ThreadWait wait : ledger.capture.threadWaits()) {
            boolean lock = wait.kind() == ThreadWait.Kind.MONITOR
                    || wait.kind() == ThreadWait.Kind.PARK && wait.what().startsWith("java.util.concurrent.locks.");
            // Only waits inside a request: an idle server thread parks on its executor's queue, a selector on its monitor.
            if (lock && !wait.logging() && ledger.duringRequest(wait.threadId(), wait.startNanos())) {
                byMonitor.merge(wait.what() + " at " + wait.frame(), wait.nanos(), Long::sum);
                intervals.add(new long[] {wait.startNanos(), wait.endNanos()});
            }
        }
        List<String> evidence = new ArrayList<>();
        Ledger.top(byMonitor, 2).forEach(e -> evidence.add(String.format(Locale.ROOT,
                "contended: %s, %.1f ms blocked in all threads", e.getKey(), e.getValue() / 1e6)));
        return ledger.requestEntry(queue(), true, false, (double) Ledger.maxOverlap(intervals), null, evidence);
    }
}
