package dev.queuescope.payments.internal;

import dev.queuescope.orders.Order;
import dev.queuescope.orders.OrderManagement;
import dev.queuescope.orders.OrderPlaced;
import dev.queuescope.orders.OrderStatus;
import dev.queuescope.payments.Charge;
import dev.queuescope.payments.ChargeStatus;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges one placed order: a short transaction to claim the charge, the provider call with no
 * transaction and no connection held, a short transaction to record the outcome and report it to
 * orders (paid, or cancelled on a decline) — outcome and order status commit together.
 *
 * <p>Safe to run again for the same order (a redelivered or resubmitted {@code OrderPlaced}): a
 * settled charge is left alone, and a pending one is sent again under the same idempotency key,
 * so the provider answers with the charge it already made instead of charging twice.
 *
 * <p>Public for the labs ({@code internal.lab}), which call it from a worse place.
 */
@Service
public class PaymentProcessor {

    private static final Logger log = LogManager.getLogger(PaymentProcessor.class);

    private final ChargeRepository charges;
    private final OrderManagement orders;
    private final ProviderClient provider;
    private final TransactionTemplate transactions;

    PaymentProcessor(ChargeRepository charges, OrderManagement orders, ProviderClient provider,
            TransactionTemplate transactions) {
        this.charges = charges;
        this.orders = orders;
        this.provider = provider;
        this.transactions = transactions;
    }

    /**
     * @throws RuntimeException when the provider gave no answer (unavailable, breaker open, bulkhead
     *     full): the charge stays PENDING and the caller's event publication incomplete
     */
    public void charge(OrderPlaced event) {
        long orderId = event.orderId();
        String key = idempotencyKey(orderId);
        boolean send = Boolean.TRUE.equals(transactions.execute(tx -> claim(orderId, key, event.totalCents())));
        if (!send) {
            return;
        }

        AtomicInteger attempts = new AtomicInteger();
        try {
            ProviderCharge answer = provider.charge(key, event.totalCents(), attempts);
            transactions.executeWithoutResult(tx -> settle(orderId, answer, attempts.get()));
        } catch (RuntimeException e) {
            // Also when settling failed (the order changed under us): the attempts are recorded, so the
            // next delivery knows the provider may hold a charge and asks it again under the same key.
            transactions.executeWithoutResult(tx -> charges.recordFailure(orderId, attempts.get(), describe(e)));
            throw e;
        }
    }

    /** True when the provider is to be called: the charge is pending and its order still wants paying. */
    private boolean claim(long orderId, String key, long amountCents) {
        charges.claim(orderId, key, amountCents);
        Charge charge = charges.find(orderId).orElseThrow();
        if (charge.status() != ChargeStatus.PENDING) {
            log.debug("Order {} was charged already ({})", orderId, charge.status());
            return false;
        }
        @Nullable OrderStatus status = orders.find(orderId).map(Order::status).orElse(null);
        // Once something was sent, the provider is asked again even for a cancelled order: it may have
        // charged (an answer lost to a timeout), and only its answer under the same key tells; a charge
        // for a cancelled order is then recorded as REFUND_DUE rather than forgotten.
        if (status != OrderStatus.PLACED && charge.attempts() == 0) {
            // Cancelled (or gone) before anything was sent: there is nothing to charge.
            log.info("Order {} is {} before payment; not charging it", orderId, status);
            charges.deleteUnsent(orderId);
            return false;
        }
        return true;
    }

    private void settle(long orderId, ProviderCharge answer, int attempts) {
        @Nullable OrderStatus status = orders.find(orderId).map(Order::status).orElse(null);
        if (answer.approved()) {
            if (status == OrderStatus.PLACED || status == OrderStatus.PAID) {
                charges.recordOutcome(orderId, ChargeStatus.SUCCEEDED, answer.id(), attempts);
                orders.markPaid(orderId);
            } else {
                log.warn("Order {} is {} but the provider charged it ({}): a refund is due", orderId, status,
                        answer.id());
                charges.recordOutcome(orderId, ChargeStatus.REFUND_DUE, answer.id(), attempts);
            }
        } else {
            charges.recordOutcome(orderId, ChargeStatus.DECLINED, answer.id(), attempts);
            if (status == OrderStatus.PLACED) {
                orders.cancel(orderId);
            }
        }
    }

    static String idempotencyKey(long orderId) {
        return "order-" + orderId;
    }

    private static String describe(RuntimeException e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
