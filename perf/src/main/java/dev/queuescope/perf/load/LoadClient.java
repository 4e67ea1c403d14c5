package dev.queuescope.perf.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP client both load drivers send with: one Vert.x event loop (the client's cost is one
 * thread's CPU time, and the sender and the connections never contend for a lock), HTTP/1.1
 * keep-alive without pipelining, at most {@code connections} connections to the target.
 */
final class LoadClient implements AutoCloseable {

    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    final HttpClientAgent http;

    LoadClient(URI target, int connections) {
        this.http = vertx.createHttpClient(
                new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true)
                        .setPipelining(false)
                        .setDefaultHost(target.getHost())
                        .setDefaultPort(target.getPort() == -1 ? 80 : target.getPort()),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /** Closes the connections and the event loop; waits up to 5 s for each. */
    @Override
    public void close() {
        try {
            http.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not close the HTTP client and Vert.x", e);
        }
    }
}
