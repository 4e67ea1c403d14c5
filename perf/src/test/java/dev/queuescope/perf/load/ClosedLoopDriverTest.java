package dev.queuescope.perf.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopDriverTest {

    @Test
    void keepsExactlyItsConnectionsBusyAndNoMore() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (TestServer server = TestServer.start(vertx -> request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            vertx.setTimer(10, id -> {
                inFlight.decrementAndGet();
                request.response().end("ok");
            });
        }); ClosedLoopDriver driver = new ClosedLoopDriver(server.uri(), 3)) {
            ClosedLoopDriver.Throughput throughput = driver.run(Plans.GET_ROOT, Duration.ofSeconds(1));

            assertThat(most.get()).isEqualTo(3);
            // 3 connections, 10 ms each: never more than 300 per second.
            assertThat(throughput.completed()).isPositive();
            assertThat(throughput.requestsPerSecond()).isLessThanOrEqualTo(300.0);
            assertThat(throughput.errors()).isZero();
        }
    }

    @Test
    void countsErrorResponsesApartFromTheThroughput() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (TestServer server = TestServer.start(vertx -> request ->
                request.response().setStatusCode(seen.incrementAndGet() % 2 == 0 ? 500 : 200).end("x"));
                ClosedLoopDriver driver = new ClosedLoopDriver(server.uri(), 1)) {
            ClosedLoopDriver.Throughput throughput = driver.run(Plans.GET_ROOT, Duration.ofMillis(500));

            assertThat(throughput.completed()).isPositive();
            assertThat(throughput.errors()).isBetween(throughput.completed() - 1, throughput.completed() + 1);
        }
    }
}
