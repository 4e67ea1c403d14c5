package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.Completion;
import java.util.ArrayList;
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
        List<Double> depth = ledger.metricSeries(DEPTH);
        List<Double> lagMs = ledger.capture.outbox().stream().map(c -> c.lagNanos() / 1e6).toList();
        double maxAge = lagMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        boolean growing = !depth.isEmpty()
                ? Ledger.backlogGrows(depth, ledger.settings.backlogGrowthMin())
                : Ledger.grows(lagMs, ledger.settings.growthFactor(), ledger.settings.growthMinMs());
        List<String> evidence = new ArrayList<>();
        if (!depth.isEmpty()) {
            evidence.add(String.format(Locale.ROOT, "incomplete publications: %.0f in the first third, %.0f in the "
                    + "last (medians), %.0f at the end", Ledger.thirdMedian(depth, 0), Ledger.thirdMedian(depth, 2),
                    depth.getLast()));
        }
        if (!lagMs.isEmpty()) {
            evidence.add(String.format(Locale.ROOT, "%d completions, lag %.1f ms on average, %.1f ms at most (%s)",
                    lagMs.size(), lagMs.stream().mapToDouble(Double::doubleValue).average().orElse(0), maxAge,
                    ledger.capture.outbox().stream().map(Completion::listener).distinct().limit(2).toList()));
        }
        double first = depth.isEmpty() ? Ledger.thirdMedian(lagMs, 0) : Ledger.thirdMedian(depth, 0);
        double last = depth.isEmpty() ? Ledger.thirdMedian(lagMs, 2) : Ledger.thirdMedian(depth, 2);
        double score = growing && last > 0 ? Math.min(1, (last - first) / last) : 0;
        double maxDepth = depth.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new QueueEntry(queue().label(), true, "backlog", score, null, null, null, null, null, maxDepth,
                growing, null, new QueueEntry.Backlog(depth.isEmpty() ? 0 : depth.getLast(), maxDepth, maxAge, growing),
                evidence);
    }
}
