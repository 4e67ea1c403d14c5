package dev.queuescope.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.ShopHttpTest;
import dev.queuescope.TestAccounts;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@ShopHttpTest
class DemoDataSeedTests {

    @Autowired
    RestTestClient http;

    @BeforeEach
    void asAdmin() {
        http = TestAccounts.admin(http);
    }

    @Test
    void seedingAgainChangesNothing() {
        SeedReport first = seed();
        SeedReport second = seed();

        assertThat(first.products()).isEqualTo(100_000);
        assertThat(first.categories()).isEqualTo(50);
        assertThat(second.productsInserted()).isZero();
        assertThat(second.stockRowsInserted()).isZero();
    }

    @Test
    void theSeededProductsAreFoundByTheirDocumentedWords() {
        seed();

        http.get().uri("/api/v1/products?q={q}&limit=5", "walnut lamp").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(5)
                .jsonPath("$.items[0].name").value(String.class,
                        name -> assertThat(name).containsIgnoringCase("walnut").containsIgnoringCase("lamp"));
    }

    private SeedReport seed() {
        return Objects.requireNonNull(http.post().uri("/api/v1/admin/seed").exchange()
                .expectStatus().isOk().expectBody(SeedReport.class).returnResult().getResponseBody());
    }
}
