package dev.queuescope.payments.internal;

import dev.queuescope.orders.OrderPlaced;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Charges every placed order after the order's transaction commits, through the event publication
 * registry: a charge that gets no answer throws, which leaves the publication incomplete for the
 * outbox's resubmission.
 *
 * <p>Deliberately not {@code @ApplicationModuleListener}: that one runs the listener in a
 * {@code REQUIRES_NEW} transaction, and the transaction manager takes a pool connection when the
 * transaction begins, so the connection would be held through the whole remote call (the
 * remote-call-in-transaction anti-pattern). Here the listener has no transaction of its own;
 * {@link PaymentProcessor} opens short ones around the call. Spring Modulith tracks completion of
 * any after-commit {@code @TransactionalEventListener}, transactional or not.
 */
@Component
class OrderPlacedListener {

    private final PaymentProcessor payments;

    OrderPlacedListener(PaymentProcessor payments) {
        this.payments = payments;
    }

    @Async(PaymentsConfiguration.EXECUTOR)
    @TransactionalEventListener
    void on(OrderPlaced event) {
        payments.charge(event);
    }
}
