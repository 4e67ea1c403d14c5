package dev.queuescope.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** db-pool: waiting for a pooled connection (Hikari's acquire time). L = Hikari's pending threads. */
final class DbPoolRule implements QueueRule {

    @Override
    public Queue queue() {
        return Queue.DB_POOL;
    }

    @Override
    public List<String> requires() {
        return List.of("queuescope.ConnectionAcquire");
    }

    @Override
    public boolean observed(Ledger ledger) {
        return ledger.capture.has("queuescope.ConnectionAcquire") && !ledger.byLatency.isEmpty();
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        double waitMs = ledger.meanMs(a -> a.wait(Queue.DB_POOL));
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "connection wait %.3f ms per request on average", waitMs));
        double behindLocks = ledger.meanMs(RequestAccount::poolWaitBehindLocks);
        if (behindLocks >= 0.001) {
            evidence.add(String.format(Locale.ROOT, "besides, %.3f ms per request waited for connections whose holders "
                    + "were waiting for a lock: counted at that lock's queue", behindLocks));
        }
        ledger.metricMax("hikaricp_connections_active").ifPresent(active -> evidence.add(String.format(Locale.ROOT,
                "connections in use: at most %.0f; threads waiting for one: at most %.0f", active,
                ledger.metricMax("hikaricp_connections_pending").orElse(Double.NaN))));
        Double depth = ledger.metricMax("hikaricp_connections_pending").stream().boxed().findFirst().orElse(null);
        QueueEntry.LittlesLaw law = ledger.metricMean("hikaricp_connections_pending").stream()
                .mapToObj(pending -> ledger.littlesLaw(pending, waitMs / 1e3)).findFirst().orElse(null);
        return ledger.requestEntry(queue(), true, false, depth, law, evidence);
    }
}
