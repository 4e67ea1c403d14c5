package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.PgSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * db-locks: statement time PostgreSQL's sampled backends of that statement spent waiting for a heavyweight
 * lock (a row, a transaction id, a relation). Evidence: the statements that waited (the hot row's
 * update), what they waited on, and the statements idle in a transaction meanwhile (the lock holders).
 * L = backends waiting for a lock per sample, W = lock wait per request.
 */
final class DbLocksRule implements QueueRule {

    @Override
    public Queue queue() {
        return Queue.DB_LOCKS;
    }

    @Override
    public List<String> requires() {
        return List.of("queuescope.PgActivity with queries", "queuescope.DbStatement");
    }

    @Override
    public boolean observed(Ledger ledger) {
        return ledger.capture.has("queuescope.DbStatement")
                && ledger.capture.pgSamples().stream().anyMatch(s -> s.query() != null) && !ledger.byLatency.isEmpty();
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        Map<String, Long> waiting = new HashMap<>();
        Map<String, Long> holders = new HashMap<>();
        for (PgSample sample : ledger.capture.pgSamples()) {
            if (sample.lockWait()) {
                waiting.merge(sample.waitEvent() + " — " + sample.query(), (long) sample.backends(), Long::sum);
            } else if (sample.state().startsWith("idle in transaction") && sample.query() != null) {
                holders.merge(sample.query(), (long) sample.backends(), Long::sum);
            }
        }
        List<String> evidence = new ArrayList<>();
        Ledger.top(waiting, 2).forEach(e -> evidence.add(String.format(Locale.ROOT,
                "waiting for a lock in %d backend samples: %s", e.getValue(), SqlText.shown(e.getKey()))));
        if (!waiting.isEmpty()) {
            Ledger.top(holders, 1).forEach(e -> evidence.add(String.format(Locale.ROOT,
                    "idle in a transaction meanwhile (%d samples), last statement: %s", e.getValue(), SqlText.shown(e.getKey()))));
        }
        List<Integer> locked = DatabaseWaits.perSample(ledger.capture.pgSamples(), PgSample::lockWait);
        double waitMs = ledger.meanMs(a -> a.wait(Queue.DB_LOCKS));
        QueueEntry.LittlesLaw law = ledger.littlesLaw(locked.stream().mapToInt(Integer::intValue).average().orElse(0),
                waitMs / 1e3);
        double depth = locked.stream().mapToInt(Integer::intValue).max().orElse(0);
        return ledger.requestEntry(queue(), true, false, depth, law, evidence);
    }
}
