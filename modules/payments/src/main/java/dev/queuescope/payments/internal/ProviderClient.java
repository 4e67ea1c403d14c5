package dev.queuescope.payments.internal;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import dev.queuescope.payments.internal.provider.PaymentProviderStub;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Charges at the payment provider over HTTP: {@code POST /charges} with the charge's
 * {@code Idempotency-Key}; 201/200 = approved, 402 = declined, anything 5xx/429 or no answer in time
 * = {@link ProviderUnavailableException}.
 *
 * <p>Around each call, outermost first: <b>retry</b> (exponential backoff with jitter, only on
 * {@link ProviderUnavailableException}), <b>circuit breaker</b> (each attempt counts; when open,
 * calls fail at once with {@code CallNotPermittedException}, which is not retried), <b>bulkhead</b>
 * (at most so many calls in flight; the others wait briefly, then fail with
 * {@code BulkheadFullException}). The retry's backoff happens outside the bulkhead, so a charge
 * waiting to retry holds no slot.
 *
 * <p>HTTP client: Apache HttpClient 5 under Spring's {@link RestClient}, rather than the JDK's
 * HttpClient, because its connection pool is bounded ({@code max-connections}, = the bulkhead's
 * size) with its own acquire timeout, while the JDK client opens a new socket for every concurrent
 * request without limit (docs: DESIGN "JDK HttpClient opens sockets without limit"). Its own
 * automatic retries are off: resilience4j retries, and counts them.
 */
@Component
class ProviderClient implements DisposableBean {

    private final CloseableHttpClient httpClient;
    private final RestClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;

    ProviderClient(PaymentsProperties properties, ObjectProvider<PaymentProviderStub> stub,
            RetryRegistry retries, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads) {
        PaymentsProperties.Provider provider = properties.provider();
        String url = provider.url().isBlank() ? stub.getObject().baseUrl() : provider.url();
        this.httpClient = httpClient(provider);
        this.http = RestClient.builder()
                .baseUrl(url)
                .requestFactory(new HttpComponentsClientHttpRequestFactory(httpClient))
                .build();
        this.retry = retries.retry(PaymentsConfiguration.PROVIDER);
        this.breaker = breakers.circuitBreaker(PaymentsConfiguration.PROVIDER);
        this.bulkhead = bulkheads.bulkhead(PaymentsConfiguration.PROVIDER);
    }

    private static CloseableHttpClient httpClient(PaymentsProperties.Provider provider) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(provider.maxConnections())
                .setMaxConnPerRoute(provider.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(provider.connectTimeout()))
                        .setSocketTimeout(Timeout.of(provider.readTimeout()))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(provider.poolTimeout()))
                        .setResponseTimeout(Timeout.of(provider.readTimeout()))
                        .build())
                .disableAutomaticRetries()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /**
     * Charges {@code amountCents} under {@code idempotencyKey}; every request sent counts in {@code attempts}.
     *
     * @throws ProviderUnavailableException when the last attempt got no usable answer
     * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException when the breaker is open
     * @throws io.github.resilience4j.bulkhead.BulkheadFullException when too many calls are in flight
     */
    ProviderCharge charge(String idempotencyKey, long amountCents, AtomicInteger attempts) {
        long started = System.nanoTime();
        Supplier<ProviderCharge> call = () -> {
            ExternalCallEvent event = new ExternalCallEvent();
            event.begin();
            event.target = PaymentsConfiguration.PROVIDER;
            event.attempt = attempts.incrementAndGet();
            event.waited = System.nanoTime() - started;
            try {
                ProviderCharge charge = post(idempotencyKey, amountCents);
                event.outcome = charge.approved() ? "approved" : "declined";
                return charge;
            } catch (RuntimeException e) {
                event.outcome = e.getClass().getSimpleName();
                throw e;
            } finally {
                event.commit();
            }
        };
        return Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(breaker,
                        Bulkhead.decorateSupplier(bulkhead, call))).get();
    }

    private ProviderCharge post(String idempotencyKey, long amountCents) {
        try {
            return http.post().uri("/charges")
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("amountCents", amountCents, "currency", "EUR"))
                    .exchange((request, response) -> {
                        HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
                        if (status == HttpStatus.OK || status == HttpStatus.CREATED
                                || status == HttpStatus.PAYMENT_REQUIRED) {
                            ChargeResponse body = response.bodyTo(ChargeResponse.class);
                            if (body == null || body.id() == null) {
                                throw new ProviderUnavailableException("provider answered " + status + " without a charge id");
                            }
                            return new ProviderCharge(body.id(), status != HttpStatus.PAYMENT_REQUIRED);
                        }
                        if (response.getStatusCode().is5xxServerError() || status == HttpStatus.TOO_MANY_REQUESTS) {
                            throw new ProviderUnavailableException("provider answered " + response.getStatusCode().value());
                        }
                        // Another 4xx: the shop sent something the provider refuses. Not retried, and
                        // not the provider's failure, so not counted against it by the breaker.
                        throw new IllegalStateException("provider refused the charge: " + response.getStatusCode().value());
                    });
        } catch (ResourceAccessException e) {
            throw new ProviderUnavailableException("provider unreachable: " + e.getMessage(), e);
        }
    }

    /** The provider's JSON answer (other fields ignored). */
    record ChargeResponse(@Nullable String id, @Nullable String status) {
    }

    @Override
    public void destroy() throws IOException {
        httpClient.close();
    }
}
