package dev.queuescope.orders;

import dev.queuescope.catalog.Product;
import dev.queuescope.catalog.ProductCatalog;
import dev.queuescope.customers.Caller;
import dev.queuescope.inventory.InsufficientStockException;
import dev.queuescope.inventory.InventoryManagement;
import dev.queuescope.inventory.StockLine;
import dev.queuescope.orders.internal.OrderRepository;
import dev.queuescope.orders.internal.RequestFingerprint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The orders module's API. */
@Service
public class OrderManagement {

    private final OrderRepository orders;
    private final ProductCatalog catalog;
    private final InventoryManagement inventory;
    private final ApplicationEventPublisher events;

    OrderManagement(OrderRepository orders, ProductCatalog catalog, InventoryManagement inventory,
            ApplicationEventPublisher events) {
        this.orders = orders;
        this.catalog = catalog;
        this.inventory = inventory;
        this.events = events;
    }

    /**
     * Places the order a customer's idempotency key stands for, in one transaction: claim the key, price the
     * items from the catalog, reserve stock, store the lines, publish {@link OrderPlaced}.
     *
     * <p>Claiming is an {@code INSERT ... ON CONFLICT DO NOTHING} on the key's unique index, so a
     * concurrent retry of the same key waits for the first to commit (or roll back) and then
     * replays its order instead of placing a second one. Keys are scoped to the customer.
     *
     * @throws OrderProblem 422 for unknown products or a key reused with another request, 409 when
     *     stock is short; nothing is written then
     */
    @Transactional
    public PlacedOrder place(long customerId, String idempotencyKey, OrderRequest request) {
        String fingerprint = RequestFingerprint.of(request);
        Optional<Long> claimed = orders.claim(customerId, idempotencyKey, fingerprint);
        if (claimed.isEmpty()) {
            return replay(customerId, idempotencyKey, fingerprint);
        }
        long orderId = claimed.get();
        List<OrderLine> lines = price(request);
        try {
            inventory.reserve(reservation(orderId), merged(lines));
        } catch (InsufficientStockException e) {
            throw OrderProblem.insufficientStock(e.shortLines().stream()
                    .map(line -> Map.of("field", "items[" + indexOf(request, line.productId()) + "].quantity",
                            "message", "not enough stock for product " + line.productId()))
                    .toList());
        }
        long total = lines.stream().mapToLong(l -> l.unitPriceCents() * l.quantity()).sum();
        orders.storeLines(orderId, lines, total);
        events.publishEvent(new OrderPlaced(orderId, total, lines));
        return new PlacedOrder(orders.find(orderId).orElseThrow(), false);
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(long id) {
        return orders.find(id);
    }

    /** The order as {@code caller} may see it: their own, or any for an admin. */
    @Transactional(readOnly = true)
    public Optional<Order> findFor(Caller caller, long id) {
        return caller.isAdmin() ? orders.find(id) : orders.findOwned(caller.customerId(), id);
    }

    /**
     * The caller's orders, newest first.
     *
     * @param before the previous page's {@code nextCursor}, or null for the first page
     */
    @Transactional(readOnly = true)
    public OrderPage list(Caller caller, @Nullable Long before, int limit) {
        List<Order> page = orders.page(caller.customerId(), before, limit + 1);
        if (page.size() <= limit) {
            return new OrderPage(page, null);
        }
        List<Order> items = page.subList(0, limit);
        return new OrderPage(List.copyOf(items), Long.toString(items.getLast().id()));
    }

    /** Cancels the caller's order (an admin: any order); someone else's is not found. */
    @Transactional
    public Order cancelFor(Caller caller, long id) {
        if (findFor(caller, id).isEmpty()) {
            throw OrderProblem.notFound(id);
        }
        return cancel(id);
    }

    /** Cancels a placed order and gives its reserved stock back, in the same transaction. */
    @Transactional
    public Order cancel(long id) {
        transition(id, OrderStatus.CANCELLED);
        inventory.release(reservation(id));
        return orders.find(id).orElseThrow();
    }

    /**
     * Marks a placed order paid (payments calls this once the provider has charged it). An order
     * that is already paid stays as it is, so a redelivered payment outcome is harmless.
     *
     * @throws OrderProblem 404 for an unknown order, 409 when the order is cancelled or shipped
     */
    @Transactional
    public Order markPaid(long id) {
        if (orders.lockStatus(id).orElseThrow(() -> OrderProblem.notFound(id)) != OrderStatus.PAID) {
            transition(id, OrderStatus.PAID);
        }
        return orders.find(id).orElseThrow();
    }

    private void transition(long id, OrderStatus next) {
        OrderStatus current = orders.lockStatus(id).orElseThrow(() -> OrderProblem.notFound(id));
        if (!current.canBecome(next)) {
            throw OrderProblem.illegalTransition(id, current, next);
        }
        orders.setStatus(id, next);
    }

    private PlacedOrder replay(long customerId, String idempotencyKey, String fingerprint) {
        var existing = orders.findByKey(customerId, idempotencyKey).orElseThrow();
        if (!existing.fingerprint().equals(fingerprint)) {
            throw OrderProblem.keyReused();
        }
        return new PlacedOrder(existing.order(), true);
    }

    private List<OrderLine> price(OrderRequest request) {
        Map<Long, Product> products = catalog.findAll(
                request.items().stream().map(OrderRequest.Item::productId).distinct().toList());
        List<Map<String, String>> unknown = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            OrderRequest.Item item = request.items().get(i);
            Product product = products.get(item.productId());
            if (product == null) {
                unknown.add(Map.of("field", "items[" + i + "].productId", "message",
                        "no product with id " + item.productId()));
            } else {
                lines.add(new OrderLine(item.productId(), item.quantity(), product.priceCents()));
            }
        }
        if (!unknown.isEmpty()) {
            throw OrderProblem.unknownProducts(unknown);
        }
        return lines;
    }

    /** One reservation line per product, even when a product appears on several order lines. */
    private static List<StockLine> merged(List<OrderLine> lines) {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        lines.forEach(line -> quantities.merge(line.productId(), line.quantity(), Integer::sum));
        return quantities.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList();
    }

    private static int indexOf(OrderRequest request, long productId) {
        for (int i = 0; i < request.items().size(); i++) {
            if (request.items().get(i).productId() == productId) {
                return i;
            }
        }
        return -1;
    }

    private static String reservation(long orderId) {
        return "order-" + orderId;
    }
}
