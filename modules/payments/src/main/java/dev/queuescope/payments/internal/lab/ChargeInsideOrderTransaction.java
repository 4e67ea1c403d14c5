package dev.queuescope.payments.internal.lab;

import dev.queuescope.orders.OrderPlaced;
import dev.queuescope.payments.internal.PaymentProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lab {@code remote-call-in-transaction}: the order is charged while it is being placed — a plain
 * {@code @EventListener} runs inside the order's transaction, so the payment's short transactions
 * join it and the provider call (150 ms, a retry's backoff on a failure) happens while the order
 * holds its pool connection and its row locks. The pool of four serves at most four orders per
 * provider round trip; everyone else queues for a connection. (The normal after-commit listener
 * then finds the charge settled and does nothing.) The fix: charge after commit, with no
 * connection held during the call, as {@code OrderPlacedListener} does.
 */
@Component
@ConditionalOnBooleanProperty("queuescope.lab.remote-call-in-transaction")
class ChargeInsideOrderTransaction {

    private final PaymentProcessor payments;

    ChargeInsideOrderTransaction(PaymentProcessor payments) {
        this.payments = payments;
    }

    @EventListener
    void on(OrderPlaced event) {
        payments.charge(event);
    }
}
