package dev.queuescope;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code queuescope.cache.enabled=false} (as {@code make bench} runs the shop): every read goes to the database. */
@ShopHttpTest
@TestPropertySource(properties = "queuescope.cache.enabled=false")
class CachingOffTests {

    @Autowired
    RestTestClient http;

    @Autowired
    DSLContext db;

    @Test
    void aProductChangedBehindTheShopsBackIsReadFreshAtOnce() {
        ShopFixtures shop = new ShopFixtures(http);
        long id = shop.product(shop.category().id(), 100, "before-" + System.nanoTime()).id();
        http.get().uri("/api/v1/products/{id}", id).exchange().expectStatus().isOk();

        db.execute("update catalog.product set name = {0} where id = {1}", DSL.val("changed"), DSL.val(id));

        http.get().uri("/api/v1/products/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("changed");
    }
}
