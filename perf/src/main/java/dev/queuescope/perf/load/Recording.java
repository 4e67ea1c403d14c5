package dev.queuescope.perf.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where the event loop records what happened. HdrHistogram {@link Recorder}s let another thread take
 * interval snapshots without stopping the writer; counters are atomics for the same reason.
 * All latencies are microseconds, clamped to {@link #HIGHEST_MICROS}.
 */
final class Recording {

    /** A minute: beyond any request timeout worth using. */
    static final long HIGHEST_MICROS = 60_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;

    final Recorder corrected = newRecorder();
    final Recorder uncorrected = newRecorder();
    /** Corrected latency of warm-up requests, only for progress reports. */
    final Recorder warmup = newRecorder();
    /** Dispatch − intended start, for measured requests that found a free connection. */
    final Recorder schedulerLag = newRecorder();
    final Map<String, Recorder> correctedByEndpoint = new ConcurrentHashMap<>();

    final AtomicLong sent = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong sentIncludingWarmup = new AtomicLong();
    final AtomicLong errorsIncludingWarmup = new AtomicLong();
    private volatile boolean connectionCapReached;

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    private static Recorder newRecorder() {
        return new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    void dispatched(Exchange exchange, boolean waitsForConnection) {
        sentIncludingWarmup.incrementAndGet();
        if (!exchange.measured) {
            return;
        }
        sent.incrementAndGet();
        if (waitsForConnection) {
            connectionCapReached = true;
        } else {
            schedulerLag.recordValue(micros(exchange.dispatchedNanos - exchange.intendedNanos));
        }
    }

    void finished(Exchange exchange, Outcome outcome, long endNanos) {
        long correctedMicros = micros(endNanos - exchange.intendedNanos);
        if (outcome == Outcome.ERROR) {
            errorsIncludingWarmup.incrementAndGet();
        }
        if (!exchange.measured) {
            warmup.recordValue(correctedMicros);
            return;
        }
        corrected.recordValue(correctedMicros);
        uncorrected.recordValue(micros(endNanos - exchange.connectedNanos));
        correctedByEndpoint.computeIfAbsent(exchange.endpoint, e -> newRecorder()).recordValue(correctedMicros);
        switch (outcome) {
            case COMPLETED -> completed.incrementAndGet();
            case REJECTED -> rejected.incrementAndGet();
            case ERROR -> errors.incrementAndGet();
        }
    }

    boolean connectionCapReached() {
        return connectionCapReached;
    }

    private static long micros(long nanos) {
        return Math.clamp(nanos / 1_000, 0, HIGHEST_MICROS);
    }
}
