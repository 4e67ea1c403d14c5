package dev.queuescope.orders.internal.lab;

import static dev.queuescope.orders.internal.db.Tables.DAILY_SALES;

import dev.queuescope.orders.OrderLine;
import dev.queuescope.orders.internal.OrderRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;

/**
 * Lab {@code row-lock-contention}: every order bumps today's running total in
 * {@code orders.daily_sales} — one row — as the first write of its transaction, so the row's lock
 * is held through the stock reservation, the order's lines, the outbox entry and the commit, and
 * all orders queue on it in the database. The fix: derive the total from the orders when asked
 * (or bump it last, or in a separate counter per connection summed on read).
 */
@Repository
@Primary
@ConditionalOnBooleanProperty("queuescope.lab.row-lock-contention")
class HotRowOrderRepository extends OrderRepository {

    HotRowOrderRepository(DSLContext db) {
        super(db);
    }

    @Override
    public Optional<Long> claim(long customerId, String idempotencyKey, String fingerprint) {
        db.insertInto(DAILY_SALES)
                .set(DAILY_SALES.DAY, LocalDate.now())
                .set(DAILY_SALES.ORDERS, 1L)
                .set(DAILY_SALES.TOTAL_CENTS, 0L)
                .onConflict(DAILY_SALES.DAY).doUpdate()
                .set(DAILY_SALES.ORDERS, DAILY_SALES.ORDERS.plus(1))
                .execute();
        return super.claim(customerId, idempotencyKey, fingerprint);
    }

    @Override
    public void storeLines(long orderId, List<OrderLine> lines, long totalCents) {
        super.storeLines(orderId, lines, totalCents);
        db.update(DAILY_SALES).set(DAILY_SALES.TOTAL_CENTS, DAILY_SALES.TOTAL_CENTS.plus(totalCents))
                .where(DAILY_SALES.DAY.eq(LocalDate.now())).execute();
    }
}
