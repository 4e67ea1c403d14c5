package dev.queuescope.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.queuescope.ShopFixtures;
import dev.queuescope.ShopHttpTest;
import dev.queuescope.TestAccounts;
import dev.queuescope.orders.Order;
import dev.queuescope.orders.OrderManagement;
import dev.queuescope.orders.OrderStatus;
import dev.queuescope.payments.internal.provider.PaymentProviderStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The provider call holds no database connection: with a pool of ONE connection and a provider
 * that takes seconds, the shop still reads orders at once while a charge is at the provider.
 * (The remote-call-in-transaction anti-pattern would hold that connection through the call.)
 * Same properties as SmallPoolTests, so the two share a context.
 */
@ShopHttpTest
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=1",
        "spring.datasource.hikari.minimum-idle=1"})
class PaymentConnectionTests {

    @Autowired
    RestTestClient http;

    @Autowired
    OrderManagement orders;

    @Autowired
    PaymentProviderStub provider;

    @Test
    void whileAChargeIsAtTheProviderTheOnlyConnectionServesOtherWork() {
        ShopFixtures shop = new ShopFixtures(http);
        http = TestAccounts.admin(http);
        long productId = shop.stockedProduct(10).id();
        Duration latency = provider.latency();
        provider.setLatency(Duration.ofMillis(1500)); // below the 2 s read timeout
        try {
            Order order = Objects.requireNonNull(http.post().uri("/api/v1/orders")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("items", List.of(Map.of("productId", productId, "quantity", 1))))
                    .exchange().expectStatus().isCreated()
                    .expectBody(Order.class).returnResult().getResponseBody());
            await().atMost(Duration.ofSeconds(5)).until(() -> provider.requests("order-" + order.id()) == 1);

            long started = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PLACED);
            }
            http.get().uri("/api/v1/orders/{id}", order.id()).exchange().expectStatus().isOk();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(provider.requests("order-" + order.id())).isOne(); // still the same call in flight
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> orders.find(order.id()).orElseThrow().status() == OrderStatus.PAID);
        } finally {
            provider.setLatency(latency);
        }
    }
}
