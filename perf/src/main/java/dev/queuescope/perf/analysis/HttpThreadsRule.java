package dev.queuescope.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * http-threads: time before a server thread began the request while every server thread was busy
 * ({@link Attribution}), less what {@link EntryWaits} moves to a lock. Needs the server's configured thread maximum from its metrics. Evidence: the
 * whole gap from intended start to a thread, and the busy threads. L = Tomcat's busy threads, W = the
 * server time per request.
 */
final class HttpThreadsRule implements QueueRule {

    @Override
    public Queue queue() {
        return Queue.HTTP_THREADS;
    }

    @Override
    public List<String> requires() {
        return List.of("queuescope.HttpRequest", Capture.SERVER_THREADS + " metric");
    }

    @Override
    public boolean observed(Ledger ledger) {
        return !ledger.byLatency.isEmpty() && ledger.capture.serverThreads() > 0;
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        List<long[]> waiting = ledger.byLatency.stream().filter(a -> a.wait(Queue.HTTP_THREADS) > 0)
                .map(a -> new long[] {a.request.intendedNanos(), a.request.startNanos()}).toList();
        List<String> evidence = new ArrayList<>();
        double serverMs = ledger.meanMs(a -> a.request.endNanos() - a.request.startNanos());
        evidence.add(String.format(Locale.ROOT, "%.2f ms from intended start to a server thread (%.2f ms of it with "
                + "all %d threads busy), %.2f ms on the thread",
                ledger.meanMs(a -> a.request.startNanos() - a.request.intendedNanos()),
                ledger.meanMs(a -> a.wait(Queue.HTTP_THREADS)), ledger.capture.serverThreads(), serverMs));
        double behindLocks = ledger.meanMs(RequestAccount::entryWaitBehindLocks);
        if (behindLocks >= 0.001) {
            evidence.add(String.format(Locale.ROOT, "besides, %.3f ms per request waited to get in while the requests "
                    + "being served were waiting for a lock: counted at that lock's queue", behindLocks));
        }
        ledger.metricMax("tomcat_threads_busy_threads").ifPresent(busy -> evidence.add(String.format(Locale.ROOT,
                "busy server threads (sampled): at most %.0f of %d", busy, ledger.capture.serverThreads())));
        QueueEntry.LittlesLaw law = ledger.metricMean("tomcat_threads_busy_threads").stream()
                .mapToObj(busy -> ledger.littlesLaw(busy, serverMs / 1e3)).findFirst().orElse(null);
        return ledger.requestEntry(queue(), true, false, (double) Ledger.maxOverlap(waiting), law, evidence);
    }
}
