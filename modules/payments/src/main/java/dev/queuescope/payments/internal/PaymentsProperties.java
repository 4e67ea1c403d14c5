package dev.queuescope.payments.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code queuescope.payments.*}; the defaults and why are documented in the app's application.yml.
 * The retry, circuit breaker and bulkhead around the call are resilience4j's instance
 * {@value PaymentsConfiguration#PROVIDER} ({@code resilience4j.*}).
 */
@ConfigurationProperties("queuescope.payments")
public record PaymentsProperties(@DefaultValue Provider provider, @DefaultValue Executor executor) {

    /**
     * @param url the provider's base URL; empty = the built-in stub ({@link Stub}), started on its own port
     * @param maxConnections the HTTP client's pool: at most this many connections to the provider
     * @param poolTimeout how long a call waits for a pooled connection
     */
    public record Provider(@DefaultValue("") String url,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout,
            @DefaultValue("4") int maxConnections,
            @DefaultValue("1s") Duration poolTimeout,
            @DefaultValue Stub stub) {
    }

    /** The simulated provider: each answer after {@code latency ± jitter}; port 0 = a random port. */
    public record Stub(@DefaultValue("8082") int port,
            @DefaultValue("150ms") Duration latency,
            @DefaultValue("50ms") Duration jitter,
            @DefaultValue("0.02") double failureRate,
            @DefaultValue("0") double declineRate) {
    }

    /** The threads that run the charges (the listener's calls); {@code queueCapacity} bounds the backlog in memory. */
    public record Executor(@DefaultValue("8") int threads, @DefaultValue("10000") int queueCapacity) {
    }
}
