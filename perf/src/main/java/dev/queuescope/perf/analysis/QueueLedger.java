package dev.queuescope.perf.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Splits the requests' time in the service by resource. First slice: the two resources the shop's
 * own events measure per request — {@code db-pool} (waiting for a connection) and
 * {@code db-statements} (SQL running) — the rest of the vocabulary is listed as not observed.
 *
 * <p>A share is taken over a cohort: the p50 cohort is the requests between the 40th and 60th
 * percentile of service time, the p99 cohort those at or above the 99th.
 */
final class QueueLedger {

    static final List<String> VOCABULARY = List.of("http-threads", "db-pool", "db-statements", "db-locks",
            "jvm-locks", "gc", "logging", "external-calls", "event-outbox", "cpu");

    private QueueLedger() {
    }

    static List<QueueEntry> of(ShopRecording.Contents contents) {
        List<ServedRequest> byDuration = contents.requests().stream()
                .sorted(Comparator.comparingLong(ServedRequest::durationNanos)).toList();
        List<QueueEntry> queues = new ArrayList<>();
        for (String name : VOCABULARY) {
            queues.add(switch (name) {
                case "db-pool" -> contents.poolObserved() && !byDuration.isEmpty()
                        ? pool(byDuration) : QueueEntry.unobserved(name);
                case "db-statements" -> contents.statementsObserved() && !byDuration.isEmpty()
                        ? statements(byDuration, contents.digests()) : QueueEntry.unobserved(name);
                default -> QueueEntry.unobserved(name);
            });
        }
        return queues;
    }

    private static QueueEntry pool(List<ServedRequest> requests) {
        double share99 = share(p99(requests), ServedRequest::acquireNanos);
        return new QueueEntry("db-pool", true, meanMs(requests, ServedRequest::acquireNanos), 0.0,
                share(p50(requests), ServedRequest::acquireNanos), share99, share99,
                List.of(String.format(Locale.ROOT, "%d requests; connection wait %.3f ms per request on average",
                        requests.size(), meanMs(requests, ServedRequest::acquireNanos))));
    }

    private static QueueEntry statements(List<ServedRequest> requests, List<ShopRecording.Digest> digests) {
        double perRequest = requests.stream().mapToInt(ServedRequest::statements).average().orElse(0);
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "%.2f statements per request", perRequest));
        for (ShopRecording.Digest digest : digests) {
            evidence.add(String.format(Locale.ROOT, "%s: %d executions, %.1f ms in all — %s", digest.digest(),
                    digest.count(), digest.nanos() / 1e6, digest.sqlPrefix()));
        }
        // Waits inside PostgreSQL (locks, IO) are not split out of the SQL time yet: unknown, not zero.
        return new QueueEntry("db-statements", true, null, meanMs(requests, ServedRequest::sqlNanos),
                share(p50(requests), ServedRequest::sqlNanos), share(p99(requests), ServedRequest::sqlNanos), null,
                evidence);
    }

    static List<ServedRequest> p50(List<ServedRequest> sorted) {
        return sorted.subList((int) (sorted.size() * 0.4), Math.max((int) (sorted.size() * 0.6), 1));
    }

    static List<ServedRequest> p99(List<ServedRequest> sorted) {
        return sorted.subList(Math.min((int) (sorted.size() * 0.99), sorted.size() - 1), sorted.size());
    }

    /** Fraction of the cohort's service time spent at the resource (capped at 1: clocks differ slightly). */
    private static double share(List<ServedRequest> cohort, ToLongFunction<ServedRequest> atResource) {
        long total = cohort.stream().mapToLong(ServedRequest::durationNanos).sum();
        long at = cohort.stream().mapToLong(atResource).sum();
        return total == 0 ? 0 : Math.min(1.0, at / (double) total);
    }

    private static double meanMs(List<ServedRequest> requests, ToLongFunction<ServedRequest> nanos) {
        return requests.stream().mapToLong(nanos).average().orElse(0) / 1e6;
    }
}
