package dev.queuescope.perf.load;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most a service serves at a given concurrency: that many connections, each sending its next
 * request as soon as the previous response is in (a closed loop). Only for finding a maximum — a
 * closed loop waits for the service before sending, so its latencies hide queueing (coordinated
 * omission); latency is measured with {@link OpenLoopGenerator} at a rate below this maximum.
 * Same client as the open-loop generator ({@link LoadClient}).
 */
public final class ClosedLoopDriver implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final LoadClient client;
    private final int connections;

    /**
     * @param target      {@code http://host:port} of the service
     * @param connections requests in flight at every moment
     */
    public ClosedLoopDriver(URI target, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be >= 1, got " + connections);
        }
        this.connections = connections;
        this.client = new LoadClient(target, connections);
    }

    /**
     * Responses completed per second over {@code duration}; a response with a status of 400 or more
     * (or none) is an error and does not count.
     *
     * @param source called on the driver's event loop, as {@link OpenLoopGenerator} calls it
     */
    public Throughput run(RequestSource source, Duration duration) throws InterruptedException {
        Loop loop = new Loop(source, client.vertx.getOrCreateContext());
        long start = System.nanoTime();
        loop.context.runOnContext(ignored -> {
            for (int i = 0; i < connections; i++) {
                loop.sendNext();
            }
        });
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        loop.stopped = true;
        long completed = loop.completed.get();
        long errors = loop.errors.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (loop.inFlight.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return new Throughput(completed / seconds, completed, errors);
    }

    /** @param requestsPerSecond successful responses per second */
    public record Throughput(double requestsPerSecond, long completed, long errors) {
    }

    private final class Loop {

        private final RequestSource source;
        private final Context context;
        private final AtomicLong completed = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile boolean stopped;

        Loop(RequestSource source, Context context) {
            this.source = source;
            this.context = context;
        }

        void sendNext() {
            if (stopped) {
                return;
            }
            RequestSpec spec = source.next();
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            spec.headers().forEach(headers::add);
            RequestOptions options = new RequestOptions().setMethod(spec.method()).setURI(spec.path())
                    .setHeaders(headers).setConnectTimeout(TIMEOUT_MILLIS).setIdleTimeout(TIMEOUT_MILLIS);
            inFlight.incrementAndGet();
            client.http.request(options)
                    .compose(request -> spec.body() == null ? request.send() : request.send(Buffer.buffer(spec.body())))
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .onComplete(done -> {
                        inFlight.decrementAndGet();
                        if (!stopped) {
                            (done.succeeded() && done.result() < 400 ? completed : errors).incrementAndGet();
                        }
                        sendNext();
                    });
        }
    }

    /** Closes the connections and the event loop; waits up to 5 s for each. */
    @Override
    public void close() {
        client.close();
    }
}
