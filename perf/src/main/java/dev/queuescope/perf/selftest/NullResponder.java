package dev.queuescope.perf.selftest;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The cheapest possible HTTP service: 200 with a two-byte body, at once, on one event loop. Run in
 * its own process by {@code selftest} (as a hidden command of the same JAR), so what is measured is
 * the generator, not the service.
 */
@Command(name = "null-responder", hidden = true, description = "Answer every request with 200 at once (for selftest).")
public final class NullResponder implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PORT")
    int port;

    @Override
    public Integer call() throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.response().end("ok"))
                .listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
        System.out.println("listening " + server.actualPort());
        System.out.flush();
        Thread.currentThread().join();
        return 0;
    }
}
