package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.ExternalCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * external-calls: work that waits for another service. In the shop it is a backlog, not a request
 * queue — orders are charged after their response — so its depth is the service's gauge of work
 * waiting to call ({@code queuescope_external_queued}), its age the calls' waits before they were
 * sent (bulkhead, retries), and it grows when the depth (or, without the gauge, the wait) trends up.
 */
final class ExternalCallsRule implements QueueRule {

    static final String DEPTH = "queuescope_external_queued";

    @Override
    public Queue queue() {
        return Queue.EXTERNAL_CALLS;
    }

    @Override
    public List<String> requires() {
        return List.of(DEPTH + " metric", "queuescope.ExternalCall");
    }

    @Override
    public boolean observed(Ledger ledger) {
        return ledger.capture.has("queuescope.ExternalCall") || ledger.capture.hasMetric(DEPTH);
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        List<Double> depth = ledger.metricSeries(DEPTH);
        List<ExternalCall> calls = ledger.capture.externalCalls();
        List<Double> waitedMs = calls.stream().map(c -> c.waitedNanos() / 1e6).toList();
        double maxWaitMs = waitedMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        boolean growing = !depth.isEmpty()
                ? Ledger.backlogGrows(depth, ledger.settings.backlogGrowthMin())
                : Ledger.grows(waitedMs, ledger.settings.growthFactor(), ledger.settings.growthMinMs());
        List<String> evidence = new ArrayList<>();
        if (!depth.isEmpty()) {
            evidence.add(String.format(Locale.ROOT, "waiting to call: %.0f in the first third, %.0f in the last "
                    + "(medians), %.0f at the end", Ledger.thirdMedian(depth, 0), Ledger.thirdMedian(depth, 2),
                    depth.getLast()));
        }
        if (!calls.isEmpty()) {
            Map<String, Long> outcomes = calls.stream()
                    .collect(Collectors.groupingBy(ExternalCall::outcome, TreeMap::new, Collectors.counting()));
            evidence.add(String.format(Locale.ROOT, "%d calls to %s: %.1f ms on the wire on average, after waiting "
                    + "%.1f ms on average (%.1f ms at most) for a slot or a retry; %s", calls.size(),
                    calls.stream().map(ExternalCall::target).distinct().toList(),
                    calls.stream().mapToLong(ExternalCall::durationNanos).average().orElse(0) / 1e6,
                    waitedMs.stream().mapToDouble(Double::doubleValue).average().orElse(0), maxWaitMs, outcomes));
        }
        double first = depth.isEmpty() ? Ledger.thirdMedian(waitedMs, 0) : Ledger.thirdMedian(depth, 0);
        double last = depth.isEmpty() ? Ledger.thirdMedian(waitedMs, 2) : Ledger.thirdMedian(depth, 2);
        double score = growing && last > 0 ? Math.min(1, (last - first) / last) : 0;
        double maxDepth = depth.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new QueueEntry(queue().label(), true, "backlog", score, null, null, null, null, null, maxDepth,
                growing, null, new QueueEntry.Backlog(depth.isEmpty() ? 0 : depth.getLast(), maxDepth, maxWaitMs, growing),
                evidence);
    }
}
