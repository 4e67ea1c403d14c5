package dev.queuescope.perf.load;

import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Plans and request sources the tests share. */
final class Plans {

    static final RequestSource GET_ROOT =
            () -> new RequestSpec("GET /", HttpMethod.GET, "/", Map.of(), null);

    private Plans() {
    }

    static LoadPlan plan(URI target, double rate, Duration warmup, Duration duration, int maxConnections,
            Duration timeout) {
        return new LoadPlan(target, rate, warmup, duration, ArrivalProcess.CONSTANT, maxConnections, timeout,
                "test-run", 42);
    }
}
