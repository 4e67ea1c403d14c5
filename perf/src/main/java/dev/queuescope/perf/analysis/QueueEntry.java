package dev.queuescope.perf.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One resource of the queue vocabulary, as the ledger measured it. Times in ms per request; shares
 * are fractions (0..1) of the latency of the median and the slowest (p99 and above) requests spent
 * at the resource, waiting and being served. {@code null}: not measured. Not {@code observed}: the
 * run captured nothing about it, so nothing may be concluded — not even that it was fine.
 *
 * @param kind {@code request} (on the request's path) or {@code backlog} (work after the response)
 * @param score the rule's score, 0..1: the p99 share for a request queue, growth for a backlog
 * @param growing its wait (request queue) or depth (backlog) trends up under the constant offered load
 */
public record QueueEntry(String name, boolean observed, String kind, double score,
        @Nullable Double waitMsPerRequest, @Nullable Double serviceMsPerRequest, @Nullable Double shareOfP50,
        @Nullable Double shareOfP99, @Nullable Double waitShareOfP99, @Nullable Double maxDepth,
        @Nullable Boolean growing, @Nullable LittlesLaw littlesLaw, @Nullable Backlog backlog,
        List<String> evidence) {

    static QueueEntry unobserved(Queue queue, String missing) {
        return new QueueEntry(queue.label(), false, kind(queue), 0, null, null, null, null, null, null, null, null,
                null, List.of("not observed: the run has no " + missing));
    }

    static String kind(Queue queue) {
        return queue.kind() == Queue.Kind.REQUEST ? "request" : "backlog";
    }

    /**
     * Little's law from independent measurements: L sampled from the service's own gauge, λ the
     * generator's completed requests per second, W the per-request time from the service's events.
     */
    public record LittlesLaw(double L, double lambda, double W, boolean consistent) {
    }

    /** Work queued after the response: items waiting at the end and the oldest age seen. */
    public record Backlog(double depth, double maxDepth, double maxAgeMs, boolean growing) {
    }
}
