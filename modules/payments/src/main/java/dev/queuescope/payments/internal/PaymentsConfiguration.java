package dev.queuescope.payments.internal;

import dev.queuescope.payments.internal.provider.PaymentProviderStub;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    /** The resilience4j instance name of the retry, circuit breaker and bulkhead around the provider call. */
    static final String PROVIDER = "payment-provider";

    static final String EXECUTOR = "paymentsExecutor";

    /**
     * The charges' own threads, so that a slow provider never starves the other listeners (they share
     * the application executor's single thread). The queue in front of these threads is the payment
     * backlog (Boot exports it as {@code executor.queued{name=paymentsExecutor}}); when it is full the
     * submission is refused, the publication stays incomplete, and the outbox's scheduled
     * resubmission delivers it later. How many charges call the provider at once is the bulkhead's
     * business; these threads also sleep through the retries' backoff, so there are more of them.
     *
     * <p>Declaring an executor makes Boot's auto-configured one back off unless
     * {@code spring.task.execution.mode=force} (set in application.yml).
     */
    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor paymentsExecutor(PaymentsProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("payments-");
        executor.setCorePoolSize(properties.executor().threads());
        executor.setMaxPoolSize(properties.executor().threads());
        executor.setQueueCapacity(properties.executor().queueCapacity());
        return executor;
    }

    /**
     * Charges waiting for a payments thread: the backlog in front of the provider, under a name the
     * perf kit reads ({@code queuescope_external_queued}) whatever the executor is called.
     */
    @Bean
    MeterBinder paymentBacklog(@Qualifier(EXECUTOR) ThreadPoolTaskExecutor executor) {
        return registry -> Gauge.builder("queuescope.external.queued", executor,
                        e -> e.getThreadPoolExecutor().getQueue().size())
                .description("Work waiting to call another service (charges waiting for a payments thread)")
                .tag("target", PROVIDER)
                .register(registry);
    }

    /** The simulated provider, unless a real one is configured. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${queuescope.payments.provider.url:}'.isBlank()")
    PaymentProviderStub paymentProviderStub(PaymentsProperties properties) throws IOException {
        PaymentsProperties.Stub stub = properties.provider().stub();
        return new PaymentProviderStub(stub.port(), stub.latency(), stub.jitter(), stub.failureRate(),
                stub.declineRate());
    }
}
