package dev.queuescope.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.ShopFixtures;
import dev.queuescope.ShopHttpTest;
import dev.queuescope.TestAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ShopHttpTest
class ProductApiTests {

    record Page(List<Product> items, @Nullable String nextCursor) {
    }

    @Autowired
    RestTestClient http;

    ShopFixtures shop;

    @BeforeEach
    void fixtures() {
        shop = new ShopFixtures(http);
        http = TestAccounts.admin(http);
    }

    @Test
    void getSendsTheVersionAsETagAndAnswersIfNoneMatchWith304() {
        Product product = shop.product(shop.category().id(), 500);

        String etag = http.get().uri("/api/v1/products/{id}", product.id()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"v0\"")
                .returnResult().getResponseHeaders().getETag();

        http.get().uri("/api/v1/products/{id}", product.id()).header("If-None-Match", etag).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void updateWithStaleIfMatchIs412AndChangesNothing() {
        Product product = shop.product(shop.category().id(), 500, "Original");
        update(product, "First", "\"v0\"").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"v1\"");

        update(product, "Second", "\"v0\"").expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(get(product.id()).name()).isEqualTo("First");
    }

    @Test
    void readAfterUpdateSeesTheNewValueThroughTheCache() {
        Product product = shop.product(shop.category().id(), 500, "Before");
        assertThat(get(product.id()).name()).isEqualTo("Before");

        update(product, "After", null).expectStatus().isOk();

        assertThat(get(product.id())).extracting(Product::name, Product::version).containsExactly("After", 1);
    }

    @Test
    void creatingADuplicateSkuIs409() {
        Product product = shop.product(shop.category().id(), 500);

        http.post().uri("/api/v1/products").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", product.sku(), "name", "Copy", "categoryId", product.categoryId(),
                        "priceCents", 1))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sku");
    }

    @Test
    void keysetPagesWalkACategoryInIdOrderWithoutGapsOrRepeats() {
        long category = shop.category().id();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(shop.product(category, 100 + i).id());
        }

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page page = page("/api/v1/products?limit=3&categoryId=" + category
                    + (cursor == null ? "" : "&after=" + cursor));
            page.items().forEach(p -> seen.add(p.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).isEqualTo(created);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void priceRangeFilterKeepsOnlyProductsInsideIt() {
        long category = shop.category().id();
        shop.product(category, 100);
        Product inside = shop.product(category, 200);
        shop.product(category, 300);

        Page page = page("/api/v1/products?categoryId=" + category + "&minPriceCents=150&maxPriceCents=250");

        assertThat(page.items()).extracting(Product::id).containsExactly(inside.id());
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void fullTextSearchFindsStemmedWordsInNames() {
        long category = shop.category().id();
        Product match = shop.product(category, 100, "Zyzzyvaquartz Lanterns");
        shop.product(category, 100, "Something else");

        Page page = page("/api/v1/products?q=zyzzyvaquartz lantern");

        assertThat(page.items()).extracting(Product::id).containsExactly(match.id());
    }

    @Test
    void aTamperedCursorIs400NamingTheAfterParameter() {
        http.get().uri("/api/v1/products?after=bm90LWEtY3Vyc29y").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("after");
    }

    private Product get(long id) {
        return Objects.requireNonNull(http.get().uri("/api/v1/products/{id}", id).exchange()
                .expectStatus().isOk().expectBody(Product.class).returnResult().getResponseBody());
    }

    private RestTestClient.ResponseSpec update(Product product, String name, @Nullable String ifMatch) {
        var request = http.put().uri("/api/v1/products/{id}", product.id()).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.body(Map.of("sku", product.sku(), "name", name, "categoryId", product.categoryId(),
                "priceCents", product.priceCents())).exchange();
    }

    private Page page(String uri) {
        return Objects.requireNonNull(http.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Page>() { }).returnResult().getResponseBody());
    }
}
