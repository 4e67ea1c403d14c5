package dev.queuescope.perf.load;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** A Vert.x HTTP server on 127.0.0.1 and an ephemeral port, on its own event loop, for one test. */
final class TestServer implements AutoCloseable {

    final Vertx vertx;
    private final HttpServer server;

    private TestServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** The handler receives the server's Vert.x too, for timers. */
    static TestServer start(java.util.function.Function<Vertx, Handler<HttpServerRequest>> handler)
            throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpServer server = vertx.createHttpServer()
                .requestHandler(handler.apply(vertx))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return new TestServer(vertx, server);
    }

    /** Answers every request at once with 200 and a short body. */
    static TestServer instant() throws Exception {
        return start(vertx -> request -> request.response().end("ok"));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
