package dev.queuescope;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load shedding: at most {@code queuescope.web.max-concurrent-requests} requests are inside the
 * shop at once; one more is answered 503 with {@code Retry-After} at once, before it authenticates,
 * touches the pool or queues anywhere. The limit is far below the server's threads (200), so a
 * refusal never waits for a worker: beyond the limit, the queue would only have grown inside
 * (connection pool, CPU) and every request would have got slower — the lecture's "dies at peak".
 * The default, 16, comes from the mixed scenario's sweep and overload runs (docs/tuning.md).
 *
 * <p>The refusal's status is {@code queuescope.web.shed-status}: 503, the standard answer to an overloaded
 * server (the default), or 429. Tomcat closes a keep-alive connection after every 503 (its
 * {@code Http11Processor.statusDropsConnection}; not configurable), so each refused client opens a new
 * connection — an accept and a handshake while the shop is at its busiest. With 429 the connection
 * stays open: in overload runs at twice the knee the refusals' p99 was 117 and 161 ms with 429, 268 and
 * 358 ms with 503 (docs/perf-guide.md, "Overload"). A proxy that takes a 503 as "instance down" is a
 * second reason to choose 429.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ConcurrencyLimitFilter extends OncePerRequestFilter {

    private final Semaphore permits;
    private final HttpStatus shedStatus;
    private final ProblemResponses problems;
    private final Counter shed;

    ConcurrencyLimitFilter(@Value("${queuescope.web.max-concurrent-requests:16}") int limit,
            @Value("${queuescope.web.shed-status:503}") int shedStatus, JsonMapper json, MeterRegistry registry) {
        this.shedStatus = HttpStatus.valueOf(shedStatus);
        if (this.shedStatus != HttpStatus.SERVICE_UNAVAILABLE && this.shedStatus != HttpStatus.TOO_MANY_REQUESTS) {
            throw new IllegalArgumentException("queuescope.web.shed-status must be 503 or 429, not " + shedStatus);
        }
        this.permits = new Semaphore(limit);
        this.problems = new ProblemResponses(json);
        this.shed = Counter.builder("queuescope.http.shed")
                .description("Requests refused at the concurrency limit (status: queuescope.web.shed-status)")
                .register(registry);
        Gauge.builder("queuescope.http.in.flight", permits, p -> limit - p.availablePermits())
                .description("Requests inside the shop (under the concurrency limit)")
                .register(registry);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            shed.increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(response, shedStatus, "overloaded",
                    "The shop is at its concurrency limit; retry after a second");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
