package dev.queuescope.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.ShopFixtures;
import dev.queuescope.ShopHttpTest;
import dev.queuescope.TestAccounts;
import dev.queuescope.catalog.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

@ShopHttpTest
class OrderApiTests {

    @Autowired
    RestTestClient http;

    ShopFixtures shop;

    @BeforeEach
    void fixtures() {
        shop = new ShopFixtures(http);
        http = TestAccounts.newCustomer(http);
    }

    @Test
    void placingAnOrderReservesStockAndAnswers201WithThePlacedOrder() {
        Product product = shop.stockedProduct(10);

        Order order = place(key(), body(product.id(), 3)).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody(Order.class).returnResult().getResponseBody();

        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.totalCents()).isEqualTo(3 * product.priceCents());
        assertThat(shop.available(product.id())).isEqualTo(7);
    }

    @Test
    void theSameKeyAndBodyReplaysTheSameOrderWithoutReservingAgain() {
        Product product = shop.stockedProduct(10);
        String key = key();
        Order first = place(key, body(product.id(), 2)).expectStatus().isCreated()
                .expectBody(Order.class).returnResult().getResponseBody();

        Order again = place(key, body(product.id(), 2)).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Order.class).returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(shop.available(product.id())).isEqualTo(8);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        Product product = shop.stockedProduct(10);
        String key = key();
        place(key, body(product.id(), 1)).expectStatus().isCreated();

        place(key, body(product.id(), 2)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        assertThat(shop.available(product.id())).isEqualTo(9);
    }

    @Test
    void concurrentRetriesOfOneKeyPlaceExactlyOneOrder() throws Exception {
        Product product = shop.stockedProduct(100);
        String key = key();

        List<EntityExchangeResult<Order>> results = concurrently(20,
                () -> place(key, body(product.id(), 1)).expectBody(Order.class).returnResult());

        assertThat(results).extracting(r -> r.getStatus().value()).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(results).extracting(r -> Objects.requireNonNull(r.getResponseBody()).id()).containsOnly(
                results.getFirst().getResponseBody().id());
        assertThat(shop.available(product.id())).isEqualTo(99);
    }

    @Test
    void twoHundredConcurrentOrdersForFiftyUnitsAcceptExactlyFifty() throws Exception {
        Product product = shop.stockedProduct(50);

        List<Integer> statuses = concurrently(200,
                () -> place(key(), body(product.id(), 1)).expectBody(String.class).returnResult().getStatus().value());

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(50);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(150);
        assertThat(shop.available(product.id())).isZero();
    }

    @Test
    void shortStockIs409NamingTheLineAndWritesNothing() {
        Product plenty = shop.stockedProduct(10);
        Product scarce = shop.stockedProduct(1);
        String key = key();

        place(key, Map.of("items", List.of(Map.of("productId", plenty.id(), "quantity", 2),
                Map.of("productId", scarce.id(), "quantity", 2))))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("items[1].quantity");

        assertThat(shop.available(plenty.id())).isEqualTo(10);
        assertThat(shop.available(scarce.id())).isEqualTo(1);
        // The key was not consumed: the same request succeeds once stock is there.
        shop.setStock(scarce.id(), 5);
        place(key, Map.of("items", List.of(Map.of("productId", plenty.id(), "quantity", 2),
                Map.of("productId", scarce.id(), "quantity", 2)))).expectStatus().isCreated();
    }

    @Test
    void anUnknownProductIs422NamingTheLine() {
        Product product = shop.stockedProduct(10);

        place(key(), Map.of("items", List.of(Map.of("productId", product.id(), "quantity", 1),
                Map.of("productId", Long.MAX_VALUE, "quantity", 1))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("items[1].productId");

        assertThat(shop.available(product.id())).isEqualTo(10);
    }

    @Test
    void cancellingReleasesTheReservedStock() {
        Product product = shop.stockedProduct(10);
        Order order = place(key(), body(product.id(), 4)).expectBody(Order.class).returnResult().getResponseBody();

        http.post().uri("/api/v1/orders/{id}/cancel", order.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        assertThat(shop.available(product.id())).isEqualTo(10);
    }

    @Test
    void cancellingTwiceIs409AndReleasesOnlyOnce() {
        Product product = shop.stockedProduct(10);
        Order order = place(key(), body(product.id(), 4)).expectBody(Order.class).returnResult().getResponseBody();
        http.post().uri("/api/v1/orders/{id}/cancel", order.id()).exchange().expectStatus().isOk();

        http.post().uri("/api/v1/orders/{id}/cancel", order.id()).exchange().expectStatus().isEqualTo(409);

        assertThat(shop.available(product.id())).isEqualTo(10);
    }

    @Test
    void anOrderCanBeReadBack() {
        Product product = shop.stockedProduct(10);
        Order order = place(key(), body(product.id(), 1)).expectBody(Order.class).returnResult().getResponseBody();

        http.get().uri("/api/v1/orders/{id}", order.id()).exchange()
                .expectStatus().isOk()
                .expectBody(Order.class).isEqualTo(order);
    }

    @Test
    void aCustomersOrdersAreListedNewestFirstAndPagedByCursor() {
        Product product = shop.stockedProduct(10);
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(Objects.requireNonNull(place(key(), body(product.id(), 1)).expectStatus().isCreated()
                    .expectBody(Order.class).returnResult().getResponseBody()).id());
        }

        Map<?, ?> first = http.get().uri("/api/v1/orders?limit=2").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> second = http.get().uri("/api/v1/orders?limit=2&after={cursor}", first.get("nextCursor"))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(ids(first)).containsExactly(placed.get(2), placed.get(1));
        assertThat(ids(second)).containsExactly(placed.get(0));
        assertThat(second.get("nextCursor")).isNull();
    }

    private static List<Long> ids(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(item -> ((Number) ((Map<?, ?>) item).get("id")).longValue())
                .toList();
    }

    private RestTestClient.ResponseSpec place(String key, Object body) {
        return http.post().uri("/api/v1/orders").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private static Map<String, Object> body(long productId, int quantity) {
        return Map.of("items", List.of(Map.of("productId", productId, "quantity", quantity)));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static <T> List<T> concurrently(int count, Callable<T> call) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 50))) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
