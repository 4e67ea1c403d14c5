package dev.queuescope;

import dev.queuescope.catalog.Category;
import dev.queuescope.catalog.Product;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Creates what a test needs through the public HTTP API, as the admin, with unique names so tests
 * never collide.
 */
public record ShopFixtures(RestTestClient http) {

    public ShopFixtures {
        http = TestAccounts.admin(http);
    }

    public Category category() {
        return Objects.requireNonNull(http.post().uri("/api/v1/categories")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "category-" + UUID.randomUUID()))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Category.class).returnResult().getResponseBody());
    }

    public Product product(long categoryId, long priceCents) {
        return product(categoryId, priceCents, "Test product");
    }

    public Product product(long categoryId, long priceCents, String name) {
        return Objects.requireNonNull(http.post().uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", "T-" + UUID.randomUUID(), "name", name, "categoryId", categoryId,
                        "priceCents", priceCents))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Product.class).returnResult().getResponseBody());
    }

    /** A product with {@code available} units in stock. */
    public Product stockedProduct(int available) {
        Product product = product(category().id(), 1_000);
        setStock(product.id(), available);
        return product;
    }

    public void setStock(long productId, int available) {
        http.put().uri("/api/v1/inventory/{id}", productId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("available", available))
                .exchange()
                .expectStatus().isOk();
    }

    public int available(long productId) {
        Map<?, ?> stock = http.get().uri("/api/v1/inventory/{id}", productId).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) Objects.requireNonNull(stock).get("available")).intValue();
    }
}
