package dev.queuescope.perf.load;

import java.util.ArrayList;
import java.util.List;
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
    /** Corrected latency of measured requests by {@link ResponseClass}, harvested every second. */
    final Recorder[] correctedByClass = newRecorders(ResponseClass.values().length);
    /** Per phase of the plan (by intended start): corrected latency by {@link ResponseClass}. */
    final Recorder[][] correctedByPhaseAndClass;
    /** Per phase, per endpoint: corrected latency by {@link ResponseClass}. */
    final List<Map<String, Recorder[]>> correctedByPhaseEndpointAndClass;
    /** Per phase: what {@link #schedulerLag} records, for the saturation check of each phase. */
    final Recorder[] schedulerLagByPhase;
    final AtomicLong[] sentByPhase;

    final AtomicLong sent = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong sentIncludingWarmup = new AtomicLong();
    final AtomicLong errorsIncludingWarmup = new AtomicLong();
    private volatile boolean connectionCapReached;

    Recording() {
        this(1);
    }

    Recording(int phases) {
        correctedByPhaseAndClass = new Recorder[phases][];
        schedulerLagByPhase = newRecorders(phases);
        sentByPhase = new AtomicLong[phases];
        correctedByPhaseEndpointAndClass = new ArrayList<>(phases);
        for (int i = 0; i < phases; i++) {
            correctedByPhaseEndpointAndClass.add(new ConcurrentHashMap<>());
            correctedByPhaseAndClass[i] = newRecorders(ResponseClass.values().length);
            sentByPhase[i] = new AtomicLong();
        }
    }

    private static Recorder[] newRecorders(int n) {
        Recorder[] recorders = new Recorder[n];
        for (int i = 0; i < n; i++) {
            recorders[i] = newRecorder();
        }
        return recorders;
    }

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
        sentByPhase[exchange.phase].incrementAndGet();
        if (waitsForConnection) {
            connectionCapReached = true;
        } else {
            long lag = micros(exchange.dispatchedNanos - exchange.intendedNanos);
            schedulerLag.recordValue(lag);
            schedulerLagByPhase[exchange.phase].recordValue(lag);
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
        int responseClass = ResponseClass.of(outcome, exchange.status).ordinal();
        correctedByClass[responseClass].recordValue(correctedMicros);
        correctedByPhaseAndClass[exchange.phase][responseClass].recordValue(correctedMicros);
        correctedByPhaseEndpointAndClass.get(exchange.phase)
                .computeIfAbsent(exchange.endpoint, e -> newRecorders(ResponseClass.values().length))[responseClass]
                .recordValue(correctedMicros);
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
