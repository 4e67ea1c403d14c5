package dev.queuescope.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.queuescope.ShopFixtures;
import dev.queuescope.ShopHttpTest;
import dev.queuescope.TestAccounts;
import dev.queuescope.catalog.Product;
import dev.queuescope.orders.Order;
import dev.queuescope.orders.OrderManagement;
import dev.queuescope.orders.OrderPlaced;
import dev.queuescope.orders.OrderStatus;
import dev.queuescope.payments.internal.provider.PaymentProviderStub;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placed orders are charged at the (stub) provider over real HTTP, after commit, and the outcome
 * comes back to orders. A context of its own: a quick provider, a circuit breaker that opens after
 * four failed attempts and half-opens after a second, and failed publications resubmitted every second.
 */
@ShopHttpTest
@TestPropertySource(properties = {
        "queuescope.payments.provider.stub.latency=20ms",
        "queuescope.payments.provider.stub.jitter=10ms",
        "queuescope.payments.provider.stub.failure-rate=0",
        "queuescope.payments.provider.stub.decline-rate=0",
        "resilience4j.retry.instances.payment-provider.wait-duration=20ms",
        "resilience4j.circuitbreaker.instances.payment-provider.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.payment-provider.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.payment-provider.wait-duration-in-open-state=1s",
        "queuescope.outbox.resubmit.interval=1s",
        "queuescope.outbox.resubmit.min-age=0s"})
class PaymentTests {

    private static final Duration PAYMENT = Duration.ofSeconds(10);

    @Autowired
    RestTestClient http;

    @Autowired
    OrderManagement orders;

    @Autowired
    Payments payments;

    @Autowired
    PaymentProviderStub provider;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DSLContext db;

    ShopFixtures shop;

    @BeforeEach
    void fixtures() {
        shop = new ShopFixtures(http);
        http = TestAccounts.admin(http);
    }

    @AfterEach
    void providerBackToNormal() {
        provider.up();
        breaker().reset();
    }

    @Test
    void aPlacedOrderIsChargedOnceAndBecomesPaid() {
        Order order = place(shop.stockedProduct(10), 2);

        await().atMost(PAYMENT).until(() -> status(order) == OrderStatus.PAID);

        Charge charge = payments.chargeOf(order.id()).orElseThrow();
        assertThat(charge.status()).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(charge.amountCents()).isEqualTo(order.totalCents());
        assertThat(charge.providerChargeId()).startsWith("ch_");
        assertThat(charge.attempts()).isOne();
        assertThat(provider.chargesMade(key(order))).isOne();
        await().atMost(PAYMENT).until(() -> incompletePublicationsFor(order) == 0);
    }

    @Test
    void aDeclinedChargeCancelsTheOrderAndItsStockIsAvailableAgain() {
        long price = 4_021;
        provider.declineAmount(price);
        Product product = shop.product(shop.category().id(), price);
        shop.setStock(product.id(), 10);

        Order order = place(product, 1);

        await().atMost(PAYMENT).until(() -> status(order) == OrderStatus.CANCELLED);
        assertThat(payments.chargeOf(order.id()).orElseThrow().status()).isEqualTo(ChargeStatus.DECLINED);
        assertThat(shop.available(product.id())).isEqualTo(10);
    }

    @Test
    void aRedeliveredOrderPlacedChargesTheProviderOnce() {
        Order order = place(shop.stockedProduct(10), 1);
        // The same event again while the first delivery may still be at the provider: two deliveries race.
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new OrderPlaced(order.id(), order.totalCents(), order.items())));

        await().atMost(PAYMENT).until(() -> status(order) == OrderStatus.PAID
                && incompletePublicationsFor(order) == 0);
        // And once more after it was paid: a settled charge is not sent again.
        int requests = provider.requests(key(order));
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new OrderPlaced(order.id(), order.totalCents(), order.items())));
        await().atMost(PAYMENT).until(() -> incompletePublicationsFor(order) == 0);

        assertThat(provider.chargesMade(key(order))).isOne();
        assertThat(provider.requests(key(order))).isEqualTo(requests);
        assertThat(status(order)).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void anOrderCancelledWhileItsChargeIsAtTheProviderStaysCancelledAndTheChargeIsDueForRefund() {
        Duration latency = provider.latency();
        provider.setLatency(Duration.ofMillis(800));
        try {
            Product product = shop.stockedProduct(10);
            Order order = place(product, 1);
            await().atMost(PAYMENT).until(() -> provider.requests(key(order)) == 1);

            http.post().uri("/api/v1/orders/{id}/cancel", order.id()).exchange().expectStatus().isOk();

            await().atMost(PAYMENT).until(() -> payments.chargeOf(order.id()).map(Charge::status)
                    .orElseThrow() == ChargeStatus.REFUND_DUE);
            assertThat(status(order)).isEqualTo(OrderStatus.CANCELLED);
            assertThat(shop.available(product.id())).isEqualTo(10);
            await().atMost(PAYMENT).until(() -> incompletePublicationsFor(order) == 0);
        } finally {
            provider.setLatency(latency);
        }
    }

    @Test
    void whileTheProviderIsDownTheBreakerOpensAndOrdersStayPlacedUntilTheScheduledRetryPaysThem() {
        provider.down();

        List<Order> placed = IntStream.range(0, 3).mapToObj(i -> place(shop.stockedProduct(10), 1)).toList();

        await().atMost(PAYMENT).until(() -> breaker().getState() == CircuitBreaker.State.OPEN);
        await().atMost(PAYMENT).until(() -> placed.stream().allMatch(order -> incompletePublicationsFor(order) == 1
                && payments.chargeOf(order.id()).map(Charge::attempts).orElse(0) > 0));
        assertThat(placed).allMatch(order -> status(order) == OrderStatus.PLACED);
        assertThat(placed).allMatch(order -> payments.chargeOf(order.id()).orElseThrow().status() == ChargeStatus.PENDING);

        provider.up();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> placed.stream().allMatch(order -> status(order) == OrderStatus.PAID));
        assertThat(placed).allMatch(order -> provider.chargesMade(key(order)) == 1);
        await().atMost(PAYMENT).until(() -> placed.stream().allMatch(order -> incompletePublicationsFor(order) == 0));
    }

    private Order place(Product product, int quantity) {
        return Objects.requireNonNull(http.post().uri("/api/v1/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("items", List.of(Map.of("productId", product.id(), "quantity", quantity))))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Order.class).returnResult().getResponseBody());
    }

    private OrderStatus status(Order order) {
        return orders.find(order.id()).orElseThrow().status();
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker("payment-provider");
    }

    private int incompletePublicationsFor(Order order) {
        return db.fetchCount(db.selectFrom("event_publication").where(
                "completion_date is null and listener_id like '%OrderPlacedListener%' and serialized_event like ?",
                "%\"orderId\":" + order.id() + ",%"));
    }

    private static String key(Order order) {
        return "order-" + order.id();
    }
}
