package dev.queuescope.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.ShopFixtures;
import dev.queuescope.ShopHttpTest;
import dev.queuescope.TestAccounts;
import dev.queuescope.catalog.Product;
import dev.queuescope.customers.internal.TokenDigest;
import dev.queuescope.orders.Order;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/**
 * Attempts to get past the rules: every one is a 401, 403 or 404 problem, never a 500 and never
 * the data.
 */
@ShopHttpTest
class AccessRulesTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    Product product;

    @BeforeEach
    void stockedProduct() {
        product = new ShopFixtures(http).stockedProduct(100);
    }

    @Test
    void catalogReadsNeedNoToken() {
        http.get().uri("/api/v1/products/{id}", product.id()).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/categories").exchange().expectStatus().isOk();
        http.get().uri("/api/v1/inventory/{id}", product.id()).exchange().expectStatus().isOk();
    }

    @Test
    void aWriteWithoutATokenIs401AskingForABearerToken() {
        problem(createProduct(http), 401)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void ordersWithoutATokenAre401() {
        problem(http.get().uri("/api/v1/orders").exchange(), 401);
        problem(placeOrder(http, UUID.randomUUID().toString()), 401);
    }

    @Test
    void anExpiredTokenIs401() {
        String token = TestAccounts.newCustomerToken(http);
        jdbc.update("update customers.access_token set expires_at = now() - interval '1 second' where token_hash = ?",
                (Object) TokenDigest.of(token));

        problem(TestAccounts.as(http, token).get().uri("/api/v1/orders").exchange(), 401)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }

    @Test
    void aTamperedTokenIs401EvenOnAnOpenUrl() {
        String token = TestAccounts.newCustomerToken(http);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        problem(TestAccounts.as(http, tampered).get().uri("/api/v1/products/{id}", product.id()).exchange(), 401);
    }

    @Test
    void anEmptyOrGarbledBearerHeaderIs401() {
        problem(http.get().uri("/api/v1/orders").header(HttpHeaders.AUTHORIZATION, "Bearer ").exchange(), 401);
        problem(http.get().uri("/api/v1/orders").header(HttpHeaders.AUTHORIZATION, "Bearer %%%").exchange(),
                401);
    }

    @Test
    void aCustomerMayNotWriteTheCatalogOrCallAdminEndpoints() {
        RestTestClient customer = TestAccounts.newCustomer(http);

        problem(createProduct(customer), 403);
        problem(customer.put().uri("/api/v1/inventory/{id}", product.id()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("available", 1_000_000)).exchange(), 403);
        problem(customer.post().uri("/api/v1/admin/seed").exchange(), 403);
    }

    @Test
    void someoneElsesOrderIsNotFoundNorCancellable() {
        RestTestClient owner = TestAccounts.newCustomer(http);
        RestTestClient other = TestAccounts.newCustomer(http);
        Order order = placeOrder(owner, UUID.randomUUID().toString()).expectStatus().isCreated()
                .expectBody(Order.class).returnResult().getResponseBody();
        long id = Objects.requireNonNull(order).id();

        problem(other.get().uri("/api/v1/orders/{id}", id).exchange(), 404);
        problem(other.post().uri("/api/v1/orders/{id}/cancel", id).exchange(), 404);
        owner.get().uri("/api/v1/orders/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PLACED");
    }

    @Test
    void anotherCustomersIdempotencyKeyReplaysNothingOfTheirs() {
        RestTestClient owner = TestAccounts.newCustomer(http);
        RestTestClient other = TestAccounts.newCustomer(http);
        String key = UUID.randomUUID().toString();
        Order first = placeOrder(owner, key).expectStatus().isCreated()
                .expectBody(Order.class).returnResult().getResponseBody();

        Order second = placeOrder(other, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody(Order.class).returnResult().getResponseBody();

        assertThat(Objects.requireNonNull(second).id())
                .isNotEqualTo(Objects.requireNonNull(first).id());
    }

    @Test
    void anAdminMaySeeAnyOrder() {
        RestTestClient owner = TestAccounts.newCustomer(http);
        Order order = placeOrder(owner, UUID.randomUUID().toString()).expectStatus().isCreated()
                .expectBody(Order.class).returnResult().getResponseBody();

        TestAccounts.admin(http).get().uri("/api/v1/orders/{id}", Objects.requireNonNull(order).id()).exchange()
                .expectStatus().isOk();
    }

    private ResponseSpec createProduct(RestTestClient client) {
        return client.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", "SEC-" + UUID.randomUUID(), "name", "x", "categoryId", product.categoryId(),
                        "priceCents", 1))
                .exchange();
    }

    private ResponseSpec placeOrder(RestTestClient client, String key) {
        return client.post().uri("/api/v1/orders").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("items", List.of(Map.of("productId", product.id(), "quantity", 1))))
                .exchange();
    }

    private static ResponseSpec problem(ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
