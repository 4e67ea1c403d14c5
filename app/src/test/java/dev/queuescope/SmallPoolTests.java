package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Migrations use connections of their own, so the request pool can be as small as one (the pool-starvation study). */
@ShopHttpTest
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=1",
        "spring.datasource.hikari.minimum-idle=1"})
class SmallPoolTests {

    @Autowired
    RestTestClient http;

    @Autowired
    HikariDataSource pool;

    @Test
    void theShopStartsAndServesWithAPoolOfOneConnection() {
        ShopFixtures shop = new ShopFixtures(http);

        long product = shop.product(shop.category().id(), 100).id();

        http.get().uri("/api/v1/products/{id}", product).exchange().expectStatus().isOk();
        assertThat(pool.getMaximumPoolSize()).isEqualTo(1);
    }
}
