package dev.queuescope.perf.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One resource of the queue vocabulary, as the ledger measured it. Times in ms per request; shares
 * are fractions (0..1) of the latency of the median and the slowest requests spent at the resource.
 * Not {@code observed}: the run captured nothing about it, so nothing may be concluded.
 */
public record QueueEntry(String name, boolean observed, @Nullable Double waitMsPerRequest,
        @Nullable Double serviceMsPerRequest, @Nullable Double shareOfP50, @Nullable Double shareOfP99,
        @Nullable Double waitShareOfP99, List<String> evidence) {

    static QueueEntry unobserved(String name) {
        return new QueueEntry(name, false, null, null, null, null, null, List.of());
    }
}
