package dev.queuescope;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.queuescope.customers.Caller;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token bucket per client (bucket4j): over its rate, a request is answered 429 with
 * {@code Retry-After} (whole seconds until a token is back). Runs after authentication, so a
 * customer is limited as itself wherever it connects from, and a forged token never gets a bucket.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties limits;
    private final ProblemResponses problems;
    private final Counter limited;
    /** Idle clients' buckets go after ten minutes; a full bucket is what a new one would be anyway. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    RateLimitFilter(RateLimitProperties limits, JsonMapper json, MeterRegistry registry) {
        this.limits = limits;
        this.problems = new ProblemResponses(json);
        this.limited = Counter.builder("queuescope.http.rate.limited")
                .description("Requests refused with 429 because their client was over its rate")
                .register(registry);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth
                ? auth.getPrincipal() : null;
        if (caller != null && caller.isAdmin()) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = caller != null
                ? buckets.get("customer:" + caller.customerId(), key -> bucket(limits.customerRequests()))
                : buckets.get("address:" + request.getRemoteAddr(), key -> bucket(limits.anonymousRequests()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        limited.increment();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Over " + (caller != null ? limits.customerRequests() : limits.anonymousRequests())
                        + " requests per " + limits.period() + "; retry after " + seconds + " s");
    }

    private Bucket bucket(long requests) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(2 * requests).refillGreedy(requests, limits.period()))
                .build();
    }
}
