package dev.queuescope.perf.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * The statements the shop runs for a request, written against plain pgjdbc: what the request would
 * cost with no framework at all. Each reads every column it selects, as the shop's mapping does.
 */
final class BaselineWork {

    /** The columns jOOQ's {@code selectFrom(PRODUCT)} names. */
    /** As many customers as the orders scenario registers ({@code setup.customers} in orders.json). */
    private static final int CUSTOMERS = 20;

    private static final String PRODUCT_COLUMNS =
            "id, sku, name, description, category_id, price_cents, version, created_at, updated_at, search";

    private BaselineWork() {
    }

    /** {@code GET /api/v1/products/{id}} with the cache off: one primary-key select. */
    static JdbcLoad.Work productById(List<Long> productIds) {
        return (connection, random) -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + PRODUCT_COLUMNS + " from catalog.product where id = ?")) {
                select.setLong(1, productIds.get(random.nextInt(productIds.size())));
                readAll(select);
            }
        };
    }

    /**
     * {@code POST /api/v1/orders} with one unit of one product: claim the idempotency key, price
     * the product, take the stock, record the reservation, store the line and the total, read the
     * order back — one transaction, the shop's statements in the shop's order.
     */
    static JdbcLoad.Work placeOrder(List<Long> productIds) {
        return (connection, random) -> {
            long productId = productIds.get(random.nextInt(productIds.size()));
            connection.setAutoCommit(false);
            try {
                long orderId;
                try (PreparedStatement claim = connection.prepareStatement("""
                        insert into orders.purchase_order (customer_id, idempotency_key, request_hash, status,
                            total_cents)
                        values (?, ?, ?, 'PLACED', 0) on conflict (customer_id, idempotency_key) do nothing
                        returning id""")) {
                    // The shop spreads its orders over the scenario's customers; so does the baseline.
                    claim.setLong(1, random.nextInt(1, 1 + CUSTOMERS));
                    claim.setString(2, "bench-" + UUID.randomUUID());
                    claim.setString(3, Long.toHexString(random.nextLong()));
                    try (ResultSet id = claim.executeQuery()) {
                        id.next();
                        orderId = id.getLong(1);
                    }
                }
                long price;
                try (PreparedStatement select = connection.prepareStatement(
                        "select " + PRODUCT_COLUMNS + " from catalog.product where id in (?)")) {
                    select.setLong(1, productId);
                    try (ResultSet product = select.executeQuery()) {
                        product.next();
                        price = product.getLong("price_cents");
                    }
                }
                try (PreparedStatement take = connection.prepareStatement("""
                        update inventory.stock set available = available - ?, reserved = reserved + ?, updated_at = ?
                        where product_id = ? and available >= ?""")) {
                    take.setInt(1, 1);
                    take.setInt(2, 1);
                    take.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                    take.setLong(4, productId);
                    take.setInt(5, 1);
                    if (take.executeUpdate() != 1) {
                        connection.rollback();
                        return;
                    }
                }
                try (PreparedStatement reserve = connection.prepareStatement(
                        "insert into inventory.reservation (reference, product_id, quantity) values (?, ?, ?)")) {
                    reserve.setString(1, "order-" + orderId);
                    reserve.setLong(2, productId);
                    reserve.setInt(3, 1);
                    reserve.executeUpdate();
                }
                try (PreparedStatement line = connection.prepareStatement("""
                        insert into orders.order_line (order_id, line_no, product_id, quantity, unit_price_cents)
                        values (?, 1, ?, 1, ?)""")) {
                    line.setLong(1, orderId);
                    line.setLong(2, productId);
                    line.setLong(3, price);
                    line.executeUpdate();
                }
                try (PreparedStatement total = connection.prepareStatement(
                        "update orders.purchase_order set total_cents = ? where id = ?")) {
                    total.setLong(1, price);
                    total.setLong(2, orderId);
                    total.executeUpdate();
                }
                try (PreparedStatement order = connection.prepareStatement(
                        "select * from orders.purchase_order where id = ?");
                        PreparedStatement lines = connection.prepareStatement(
                                "select * from orders.order_line where order_id = ? order by line_no")) {
                    order.setLong(1, orderId);
                    readAll(order);
                    lines.setLong(1, orderId);
                    readAll(lines);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        };
    }

    private static void readAll(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    rows.getObject(i);
                }
            }
        }
    }
}
