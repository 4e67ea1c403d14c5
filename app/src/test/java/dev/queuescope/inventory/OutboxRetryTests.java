package dev.queuescope.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.queuescope.catalog.ProductCreated;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event publication registry is the outbox: a listener that fails leaves its publication
 * incomplete in the database, and resubmitting delivers it again.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class OutboxRetryTests {

    /** Fails the first delivery of every event, then succeeds. */
    static class FailingOnceListener {

        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicInteger delivered = new AtomicInteger();

        // Read through methods: the bean is a proxy (async, transactional), its fields are not ours.
        int attempts() {
            return attempts.get();
        }

        int delivered() {
            return delivered.get();
        }

        @ApplicationModuleListener
        void on(ProductCreated event) {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first delivery fails on purpose");
            }
            delivered.incrementAndGet();
        }
    }

    @TestConfiguration
    static class Listener {
        @Bean
        FailingOnceListener failingOnceListener() {
            return new FailingOnceListener();
        }
    }

    @Autowired
    FailingOnceListener listener;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.jooq.DSLContext db;

    @Test
    void aFailedDeliveryStaysIncompleteAndIsDeliveredOnResubmission() {
        transactions.executeWithoutResult(tx -> events.publishEvent(new ProductCreated(424_242L, "OUTBOX-1", 1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.attempts() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(FailingOnceListener.class) == 1);

        incomplete.resubmitIncompletePublications(publication -> true);

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.delivered() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(FailingOnceListener.class) == 0);
        assertThat(listener.attempts()).isEqualTo(2);
    }

    private int incompleteFor(Class<?> listenerType) {
        return db.fetchCount(db.selectFrom("event_publication")
                .where("completion_date is null and listener_id like ?", "%" + listenerType.getSimpleName() + "%"));
    }
}
