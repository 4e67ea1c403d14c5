package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.Completion;
import java.util.List;
import java.util.Locale;

/**
 * event-outbox: a backlog, not a request queue — publications wait in the outbox after the response
 * until their listener completes them. Depth from the service's incomplete-publications gauge, age
 * from the completions' lag; it grows when the depth (or, without the gauge, the lag) trends up.
 */
final class EventOutboxRule implements QueueRule {

    static final String DEPTH = "queuescope_outbox_incomplete";

    @Override
    public Queue queue() {
        return Queue.EVENT_OUTBOX;
    }

    @Override
    public List<String> requires() {
        return List.of(DEPTH + " metric", "queuescope.EventPublication");
    }

    @Override
    public boolean observed(Ledger ledger) {
        return ledger.capture.hasMetric(DEPTH) || ledger.capture.has("queuescope.EventPublication");
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        List<Double> lagMs = ledger.capture.outbox().stream().map(c -> c.lagNanos() / 1e6).toList();
        List<String> evidence = lagMs.isEmpty() ? List.of() : List.of(String.format(Locale.ROOT,
                "%d completions, lag %.1f ms on average, %.1f ms at most (%s)", lagMs.size(),
                lagMs.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                lagMs.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                ledger.capture.outbox().stream().map(Completion::listener).distinct().limit(2).toList()));
        return ledger.backlogEntry(queue(), "incomplete publications", ledger.metricSeries(DEPTH), lagMs, evidence);
    }
}
