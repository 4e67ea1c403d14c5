package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.PgSample;
import dev.queuescope.perf.analysis.Capture.PgStatement;
import dev.queuescope.perf.analysis.Capture.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * db-statements: SQL running (service) or waiting inside PostgreSQL for IO and internal locks (wait).
 * Evidence: statements per request and digests repeated within one request (N+1), the digests with the
 * most time, and buffers touched per row returned (a scan where an index lookup was meant).
 * L = active backends sampled from pg_stat_activity, W = statement time per request.
 */
final class DbStatementsRule implements QueueRule {

    /** A digest run more often than this per request that runs it is reported as repeated (N+1). */
    static final double REPEATED = 1.5;

    @Override
    public Queue queue() {
        return Queue.DB_STATEMENTS;
    }

    @Override
    public List<String> requires() {
        return List.of("queuescope.DbStatement");
    }

    @Override
    public boolean observed(Ledger ledger) {
        return ledger.capture.has("queuescope.DbStatement") && !ledger.byLatency.isEmpty();
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        Set<String> requestIds = new HashSet<>();
        ledger.byLatency.forEach(a -> requestIds.add(a.request.id()));
        Map<String, Long> nanosByDigest = new HashMap<>();
        Map<String, Long> countByDigest = new HashMap<>();
        Map<String, Set<String>> requestsByDigest = new HashMap<>();
        Map<String, String> sqlByDigest = new HashMap<>();
        for (Statement statement : ledger.capture.statements()) {
            if (requestIds.contains(statement.requestId())) {
                nanosByDigest.merge(statement.digest(), statement.durationNanos(), Long::sum);
                countByDigest.merge(statement.digest(), 1L, Long::sum);
                requestsByDigest.computeIfAbsent(statement.digest(), d -> new HashSet<>()).add(statement.requestId());
                sqlByDigest.putIfAbsent(statement.digest(), statement.sql());
            }
        }
        long statements = countByDigest.values().stream().mapToLong(Long::longValue).sum();
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "%.2f statements per request", statements / (double) requestIds.size()));
        countByDigest.forEach((digest, count) -> {
            double perRequest = count / (double) requestsByDigest.get(digest).size();
            if (perRequest > REPEATED) {
                evidence.add(String.format(Locale.ROOT, "repeated: %s runs %.1f times in each request that runs it "
                        + "(N+1?) — %s", digest, perRequest, SqlText.shown(sqlByDigest.get(digest))));
            }
        });
        for (Map.Entry<String, Long> top : Ledger.top(nanosByDigest, 3)) {
            evidence.add(String.format(Locale.ROOT, "%s: %d executions, %.1f ms in all — %s", top.getKey(),
                    countByDigest.get(top.getKey()), top.getValue() / 1e6, SqlText.shown(sqlByDigest.get(top.getKey()))));
        }
        evidence.addAll(buffersPerRow(ledger.capture.pgStatements()));
        List<Integer> active = DatabaseWaits.perSample(ledger.capture.pgSamples(), PgSample::active);
        double sqlMs = ledger.meanMs(a -> a.at(Queue.DB_STATEMENTS) + a.at(Queue.DB_LOCKS));
        QueueEntry.LittlesLaw law = active.isEmpty() ? null
                : ledger.littlesLaw(active.stream().mapToInt(Integer::intValue).average().orElse(0), sqlMs / 1e3);
        Double depth = active.isEmpty() ? null : (double) active.stream().mapToInt(Integer::intValue).max().orElse(0);
        return ledger.requestEntry(queue(), true, true, depth, law, evidence);
    }

    /** PostgreSQL's own count of buffers touched per row returned, for the statements with the most time. */
    private static List<String> buffersPerRow(List<PgStatement> deltas) {
        Map<String, long[]> byQuery = new HashMap<>();
        for (PgStatement delta : deltas) {
            long[] totals = byQuery.computeIfAbsent(delta.query(), q -> new long[3]);
            totals[0] += delta.execMicros();
            totals[1] += delta.rows();
            totals[2] += delta.blocksHit() + delta.blocksRead();
        }
        return byQuery.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(2)
                .map(e -> String.format(Locale.ROOT, "PostgreSQL: %.1f ms executing, %.1f buffers per row returned — %s",
                        e.getValue()[0] / 1e3, e.getValue()[2] / (double) Math.max(1, e.getValue()[1]), SqlText.shown(e.getKey())))
                .toList();
    }
}
