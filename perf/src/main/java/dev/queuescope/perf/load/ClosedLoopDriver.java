package dev.queuescope.perf.load;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most a service serves at a given concurrency: that many connections, each sending its next
 * request as soon as the previous response is in (a closed loop). Only for finding a maximum — a
 * closed loop waits for the service before sending, so its latencies hide queueing (coordinated
 * omission); latency is measured with {@link OpenLoopGenerator} at a rate below this maximum.
 * Same client as the open-loop generator: one event loop, HTTP/1.1 keep-alive, no pipelining.
 */
public final class ClosedLoopDriver implements AutoCloseable {

    private static final long CLOSE_TIMEOUT_SECONDS = 5;
    private static final int TIMEOUT_MILLIS = 30_000;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClientAgent client;
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
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true)
                        .setPipelining(false)
                        .setDefaultHost(target.getHost())
                        .setDefaultPort(target.getPort() == -1 ? 80 : target.getPort()),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /**
     * Responses completed per second over {@code duration}; a response with a status of 400 or more
     * (or none) is an error and does not count.
     *
     * @param source called on the driver's event loop, as {@link OpenLoopGenerator} calls it
     */
    public Throughput run(RequestSource source, Duration duration) throws InterruptedException {
        Loop loop = new Loop(source, vertx.getOrCreateContext());
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
            client.request(options)
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
        try {
            client.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not close the HTTP client and Vert.x", e);
        }
    }
}
