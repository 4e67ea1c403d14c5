package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.catalog.Product;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Bad input gets the right 4xx as problem+json naming the field and carrying the request id —
 * never a 500 — and writes nothing.
 */
@ShopHttpTest
class BadInputTests {

    @Autowired
    RestTestClient http;

    Product product;
    ShopFixtures shop;

    @BeforeEach
    void stockedProduct() {
        shop = new ShopFixtures(http);
        http = TestAccounts.admin(http);
        product = shop.stockedProduct(10);
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"items\": [", 400, null),
                Arguments.of("wrong type", "{\"items\":[{\"productId\":\"abc\",\"quantity\":1}]}", 400,
                        "items[0].productId"),
                Arguments.of("negative quantity", "{\"items\":[{\"productId\":%d,\"quantity\":-1}]}", 400,
                        "items[0].quantity"),
                Arguments.of("zero quantity", "{\"items\":[{\"productId\":%d,\"quantity\":0}]}", 400,
                        "items[0].quantity"),
                Arguments.of("missing quantity", "{\"items\":[{\"productId\":%d}]}", 400, "items[0].quantity"),
                Arguments.of("no items", "{\"items\":[]}", 400, "items"),
                Arguments.of("unknown product", "{\"items\":[{\"productId\":987654321,\"quantity\":1}]}", 422,
                        "items[0].productId"),
                Arguments.of("oversized body", "{\"items\":[{\"productId\":%d,\"quantity\":1}],\"pad\":\""
                        + "x".repeat(100_000) + "\"}", 413, null));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badOrders")
    void badOrderBodiesAreRefusedAsProblemsAndReserveNothing(String what, String body, int status, String field) {
        var response = http.post().uri("/api/v1/orders").header("Idempotency-Key", what)
                .header("X-Request-Id", "bad-" + status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body.formatted(product.id()))
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.requestId").isEqualTo("bad-" + status);
        if (field != null) {
            response.jsonPath("$.errors[0].field").isEqualTo(field);
        }
        assertThat(shop.available(product.id())).isEqualTo(10);
    }

    @Test
    void aMissingIdempotencyKeyIs400NamingTheHeader() {
        http.post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("items", java.util.List.of(Map.of("productId", product.id(), "quantity", 1))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        assertThat(shop.available(product.id())).isEqualTo(10);
    }

    @Test
    void aWrongContentTypeIs415() {
        http.post().uri("/api/v1/orders").header("Idempotency-Key", "text")
                .contentType(MediaType.TEXT_PLAIN).body("items=1")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> badReads() {
        return Stream.of(
                Arguments.of("/api/v1/products/abc", 400, "id"),
                Arguments.of("/api/v1/products/987654321", 404, null),
                Arguments.of("/api/v1/products?limit=0", 400, "limit"),
                Arguments.of("/api/v1/products?limit=1000", 400, "limit"),
                Arguments.of("/api/v1/products?minPriceCents=-5", 400, "minPriceCents"),
                Arguments.of("/api/v1/products?categoryId=x", 400, "categoryId"),
                Arguments.of("/api/v1/orders/abc", 400, "id"),
                Arguments.of("/api/v1/orders/987654321", 404, null),
                Arguments.of("/api/v1/inventory/987654321", 404, null),
                Arguments.of("/api/v1/no-such-thing", 404, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badReads")
    void badReadsAreProblems(String uri, int status, String field) {
        var response = http.get().uri(uri).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.requestId").exists();
        if (field != null) {
            response.jsonPath("$.errors[0].field").isEqualTo(field);
        }
    }

    @Test
    void aNegativeStockIs400AndLeavesStockAlone() {
        http.put().uri("/api/v1/inventory/{id}", product.id()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("available", -1)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("available");
        assertThat(shop.available(product.id())).isEqualTo(10);
    }

    @Test
    void aProductWithAnUnknownCategoryIs422() {
        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", "NOPE-1", "name", "x", "categoryId", 987654321, "priceCents", 1)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("categoryId");
    }

    @Test
    void anUnsupportedMethodIs405() {
        http.method(HttpMethod.DELETE).uri("/api/v1/products/{id}", product.id()).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
