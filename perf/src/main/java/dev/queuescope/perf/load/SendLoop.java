package dev.queuescope.perf.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends every request at its intended time, on one Vert.x event loop.
 *
 * <p>Each tick sends everything that has come due, then sets a one-shot timer for the next intended
 * time, rounded up to the millisecond the timer resolves. Below 1 000 req/s that is one timer per request;
 * above, about one per millisecond however high the rate. A fixed 1 ms periodic tick cost ~100 µs of
 * CPU per idle tick on the shared test machine (12–13 ms per request at 10 req/s against 3.2 ms), so the
 * timer only fires when something is due. The scheduler's own lag stays within the millisecond rounding plus
 * timer slack, which the saturation rule allows for.
 *
 * <p>Sending never waits for a response or for a connection: {@link HttpClient#request} queues the
 * request in the pool when all {@code maxConnections} are busy, and the queueing shows up as service
 * latency in the corrected histogram.
 */
final class SendLoop {

    static final String RUN_HEADER = "X-Queuescope-Run";
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String INTENDED_START_HEADER = "X-Queuescope-Intended-Start";

    /**
     * At most this many sends per tick, so a generator that has fallen behind still lets the event loop
     * read responses between ticks.
     */
    private static final int MAX_SENDS_PER_TICK = 256;
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final ArrivalSchedule schedule;
    private final RequestSource source;
    private final Recording recording;
    private final String runId;
    private final int maxConnections;
    private final long timeoutMillis;
    private final long baseNanos;
    private final long baseEpochMicros;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CompletableFuture<Long> threadId = new CompletableFuture<>();
    private final CompletableFuture<Long> unsent = new CompletableFuture<>();
    private long next;
    private long sequence;
    private Context context;
    private boolean stopped;

    SendLoop(Vertx vertx, HttpClient client, ArrivalSchedule schedule, RequestSource source, Recording recording,
            LoadPlan plan, long baseNanos, long baseEpochMicros) {
        this.vertx = vertx;
        this.client = client;
        this.schedule = schedule;
        this.source = source;
        this.recording = recording;
        this.runId = plan.runId();
        this.maxConnections = plan.maxConnections();
        this.timeoutMillis = plan.requestTimeout().toMillis();
        this.baseNanos = baseNanos;
        this.baseEpochMicros = baseEpochMicros;
    }

    /** Starts ticking on the context's event loop; completes with that thread's id once it runs. */
    CompletableFuture<Long> start(Context context) {
        this.context = context;
        context.runOnContext(v -> {
            threadId.complete(Thread.currentThread().threadId());
            next = schedule.next();
            tick(0);
        });
        return threadId;
    }

    /**
     * Completes when the last request has been sent, with the number of measured requests that came due
     * but were never sent because the measured phase ended first (non-zero only when saturated).
     */
    CompletableFuture<Long> finished() {
        return unsent;
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Stops sending early (the run was interrupted). */
    void cancel() {
        context.runOnContext(v -> stop(0));
    }

    private void tick(long ignored) {
        if (stopped) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            // Most likely the RequestSource: fail the run instead of leaving it waiting for a last tick.
            stopped = true;
            unsent.completeExceptionally(e);
        }
    }

    private void sendDue() {
        long now = System.nanoTime() - baseNanos;
        for (int budget = MAX_SENDS_PER_TICK; next <= now && budget > 0; budget--) {
            send(next);
            next = schedule.next();
        }
        if (next == ArrivalSchedule.EXHAUSTED) {
            stop(0);
        } else if (now >= schedule.endNanos()) {
            stop(countOverdue());
        } else if (next <= now) {
            // Behind schedule: carry on as soon as the event loop has read what arrived meanwhile.
            context.runOnContext(v -> tick(0));
        } else {
            long waitNanos = next - (System.nanoTime() - baseNanos);
            vertx.setTimer(Math.max(1, (waitNanos + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI), this::tick);
        }
    }

    private long countOverdue() {
        long overdue = 0;
        for (long at = next; at != ArrivalSchedule.EXHAUSTED; at = schedule.next()) {
            if (schedule.measured(at)) {
                overdue++;
            }
        }
        return overdue;
    }

    private void stop(long overdue) {
        stopped = true;
        unsent.complete(overdue);
    }

    private void send(long intendedNanos) {
        RequestSpec spec = source.next();
        long id = sequence++;
        // HTTP/1.1 without pipelining carries one request per connection: with maxConnections in flight,
        // this one waits in the pool.
        boolean waitsForConnection = inFlight.getAndIncrement() >= maxConnections;
        Exchange exchange = new Exchange(spec.endpoint(), intendedNanos, now(), schedule.phaseOf(intendedNanos));
        recording.dispatched(exchange, waitsForConnection);
        RequestOptions options = new RequestOptions()
                .setMethod(spec.method())
                .setURI(spec.path())
                .setHeaders(headers(spec, id, intendedNanos))
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        client.request(options)
                .compose(request -> send(request, spec, exchange))
                .compose(response -> drain(response, exchange))
                .onComplete(done -> {
                    recording.finished(exchange, done.succeeded() ? Outcome.of(exchange.status) : Outcome.ERROR,
                            now());
                    // After recording: the drain takes its last snapshot once nothing is in flight.
                    inFlight.decrementAndGet();
                });
    }

    private Future<HttpClientResponse> send(HttpClientRequest request, RequestSpec spec,
            Exchange exchange) {
        exchange.connectedNanos = now();
        return spec.body() == null ? request.send() : request.send(Buffer.buffer(spec.body()));
    }

    /** The latency ends with the last byte of the response, which is read and dropped. */
    private static Future<Void> drain(HttpClientResponse response, Exchange exchange) {
        exchange.status = response.statusCode();
        response.handler(chunk -> { });
        return response.end();
    }

    private MultiMap headers(RequestSpec spec, long id, long intendedNanos) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        spec.headers().forEach(headers::add);
        return headers.add(RUN_HEADER, runId)
                .add(REQUEST_ID_HEADER, runId + "-" + id)
                .add(INTENDED_START_HEADER, Long.toString(baseEpochMicros + intendedNanos / 1_000));
    }

    private long now() {
        return System.nanoTime() - baseNanos;
    }
}
