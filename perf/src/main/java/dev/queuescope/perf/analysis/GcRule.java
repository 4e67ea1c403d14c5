package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.Allocation;
import dev.queuescope.perf.analysis.Capture.Interval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * gc: stop-the-world pauses that stopped a request on its server thread. Evidence: pauses, the
 * allocation rate and the allocation site with the most sampled bytes.
 */
final class GcRule implements QueueRule {

    @Override
    public Queue queue() {
        return Queue.GC;
    }

    @Override
    public List<String> requires() {
        return List.of("jdk.GCPhasePause");
    }

    @Override
    public boolean observed(Ledger ledger) {
        // A window without a pause is observed (JFR was recording pauses) when GC events exist at all.
        return (ledger.capture.has("jdk.GCPhasePause") || ledger.capture.has("jdk.ObjectAllocationSample"))
                && !ledger.byLatency.isEmpty();
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        List<Interval> pauses = ledger.capture.gcPauses();
        long total = pauses.stream().mapToLong(p -> p.endNanos() - p.startNanos()).sum();
        long longest = pauses.stream().mapToLong(p -> p.endNanos() - p.startNanos()).max().orElse(0);
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "%d pauses, %.1f ms in all (%.1f %% of the time), longest %.1f ms",
                pauses.size(), total / 1e6, 100 * total / 1e9 / ledger.capture.seconds(), longest / 1e6));
        Map<String, Long> bySite = new HashMap<>();
        long bytes = 0;
        for (Allocation allocation : ledger.capture.allocations()) {
            bySite.merge(allocation.frame(), allocation.weight(), Long::sum);
            bytes += allocation.weight();
        }
        if (bytes > 0) {
            evidence.add(String.format(Locale.ROOT, "allocation rate %.0f MB/s", bytes / 1e6 / ledger.capture.seconds()));
            long all = bytes;
            Ledger.top(bySite, 1).forEach(e -> evidence.add(String.format(Locale.ROOT,
                    "allocation site: %s (%.0f %% of sampled bytes)", e.getKey(), 100.0 * e.getValue() / all)));
        }
        return ledger.requestEntry(queue(), true, false, null, null, evidence);
    }
}
