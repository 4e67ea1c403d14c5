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
        List<ExternalCall> calls = ledger.capture.externalCalls();
        List<Double> waitedMs = calls.stream().map(c -> c.waitedNanos() / 1e6).toList();
        List<String> evidence = new ArrayList<>();
        if (!calls.isEmpty()) {
            Map<String, Long> outcomes = calls.stream()
                    .collect(Collectors.groupingBy(ExternalCall::outcome, TreeMap::new, Collectors.counting()));
            evidence.add(String.format(Locale.ROOT, "%d calls to %s: %.1f ms on the wire on average, after waiting "
                    + "%.1f ms on average (%.1f ms at most) for a slot or a retry; %s", calls.size(),
                    calls.stream().map(ExternalCall::target).distinct().toList(),
                    calls.stream().mapToLong(ExternalCall::durationNanos).average().orElse(0) / 1e6,
                    waitedMs.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    waitedMs.stream().mapToDouble(Double::doubleValue).max().orElse(0), outcomes));
        }
        return ledger.backlogEntry(queue(), "waiting to call", ledger.metricSeries(DEPTH), waitedMs, evidence);
    }
}
