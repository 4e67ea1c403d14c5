package dev.queuescope.orders.internal;

import static dev.queuescope.orders.internal.db.Tables.ORDER_LINE;
import static dev.queuescope.orders.internal.db.Tables.PURCHASE_ORDER;

import dev.queuescope.orders.Order;
import dev.queuescope.orders.OrderLine;
import dev.queuescope.orders.OrderStatus;
import dev.queuescope.orders.internal.db.tables.records.OrderLineRecord;
import dev.queuescope.orders.internal.db.tables.records.PurchaseOrderRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {

    /** An order together with the fingerprint of the request that placed it. */
    public record KeyedOrder(Order order, String fingerprint) {
    }

    protected final DSLContext db;

    /** Protected for the labs ({@code internal.lab}), which do an order's writes a worse way. */
    protected OrderRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Claims the idempotency key by inserting the order's row: the id, or empty when another
     * request holds the key (this call waits until that request's transaction ends).
     */
    public Optional<Long> claim(long customerId, String idempotencyKey, String fingerprint) {
        return db.insertInto(PURCHASE_ORDER)
                .set(PURCHASE_ORDER.CUSTOMER_ID, customerId)
                .set(PURCHASE_ORDER.IDEMPOTENCY_KEY, idempotencyKey)
                .set(PURCHASE_ORDER.REQUEST_HASH, fingerprint)
                .set(PURCHASE_ORDER.STATUS, OrderStatus.PLACED.name())
                .set(PURCHASE_ORDER.TOTAL_CENTS, 0L)
                .onConflict(PURCHASE_ORDER.CUSTOMER_ID, PURCHASE_ORDER.IDEMPOTENCY_KEY).doNothing()
                .returning(PURCHASE_ORDER.ID)
                .fetchOptional(PURCHASE_ORDER.ID);
    }

    /** Stores the lines with one batched statement and sets the total. */
    public void storeLines(long orderId, List<OrderLine> lines, long totalCents) {
        var insert = db.insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.PRODUCT_ID,
                ORDER_LINE.QUANTITY, ORDER_LINE.UNIT_PRICE_CENTS);
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            insert = insert.values(orderId, i + 1, line.productId(), line.quantity(), line.unitPriceCents());
        }
        insert.execute();
        db.update(PURCHASE_ORDER).set(PURCHASE_ORDER.TOTAL_CENTS, totalCents)
                .where(PURCHASE_ORDER.ID.eq(orderId)).execute();
    }

    public Optional<Order> find(long id) {
        return db.selectFrom(PURCHASE_ORDER).where(PURCHASE_ORDER.ID.eq(id)).fetchOptional().map(this::toOrder);
    }

    /** The order, if {@code customerId} placed it. */
    public Optional<Order> findOwned(long customerId, long id) {
        return db.selectFrom(PURCHASE_ORDER)
                .where(PURCHASE_ORDER.ID.eq(id)).and(PURCHASE_ORDER.CUSTOMER_ID.eq(customerId))
                .fetchOptional().map(this::toOrder);
    }

    /**
     * A customer's orders, newest first, after the keyset position {@code beforeId} (null: from the
     * newest). Two statements whatever the page size: the orders, then all their lines.
     */
    public List<Order> page(long customerId, @Nullable Long beforeId, int limit) {
        List<PurchaseOrderRecord> page = db.selectFrom(PURCHASE_ORDER)
                .where(PURCHASE_ORDER.CUSTOMER_ID.eq(customerId))
                .and(beforeId == null ? DSL.noCondition() : PURCHASE_ORDER.ID.lt(beforeId))
                .orderBy(PURCHASE_ORDER.ID.desc())
                .limit(limit)
                .fetch();
        Map<Long, List<OrderLine>> lines = db.selectFrom(ORDER_LINE)
                .where(ORDER_LINE.ORDER_ID.in(page.stream().map(PurchaseOrderRecord::getId).toList()))
                .orderBy(ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO)
                .collect(Collectors.groupingBy(OrderLineRecord::getOrderId,
                        Collectors.mapping(OrderRepository::toLine, Collectors.toList())));
        return page.stream().map(r -> toOrder(r, lines.getOrDefault(r.getId(), List.of()))).toList();
    }

    public Optional<KeyedOrder> findByKey(long customerId, String idempotencyKey) {
        return db.selectFrom(PURCHASE_ORDER)
                .where(PURCHASE_ORDER.CUSTOMER_ID.eq(customerId))
                .and(PURCHASE_ORDER.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchOptional()
                .map(r -> new KeyedOrder(toOrder(r), r.getRequestHash()));
    }

    /** The order's status, with its row locked until the transaction ends. */
    public Optional<OrderStatus> lockStatus(long id) {
        return db.select(PURCHASE_ORDER.STATUS).from(PURCHASE_ORDER).where(PURCHASE_ORDER.ID.eq(id)).forUpdate()
                .fetchOptional(r -> OrderStatus.valueOf(r.value1()));
    }

    public void setStatus(long id, OrderStatus status) {
        db.update(PURCHASE_ORDER)
                .set(PURCHASE_ORDER.STATUS, status.name())
                .set(PURCHASE_ORDER.VERSION, PURCHASE_ORDER.VERSION.plus(1))
                .set(PURCHASE_ORDER.UPDATED_AT, OffsetDateTime.now())
                .where(PURCHASE_ORDER.ID.eq(id))
                .execute();
    }

    private Order toOrder(PurchaseOrderRecord r) {
        return toOrder(r, db.selectFrom(ORDER_LINE).where(ORDER_LINE.ORDER_ID.eq(r.getId()))
                .orderBy(ORDER_LINE.LINE_NO)
                .fetch(OrderRepository::toLine));
    }

    private static Order toOrder(PurchaseOrderRecord r, List<OrderLine> lines) {
        return new Order(r.getId(), OrderStatus.valueOf(r.getStatus()), r.getTotalCents(), lines, r.getCreatedAt());
    }

    private static OrderLine toLine(OrderLineRecord l) {
        return new OrderLine(l.getProductId(), l.getQuantity(), l.getUnitPriceCents());
    }
}
