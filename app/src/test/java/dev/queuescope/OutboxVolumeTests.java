package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.queuescope.catalog.Product;
import dev.queuescope.catalog.ProductCatalog;
import dev.queuescope.catalog.ProductDraft;
import dev.queuescope.inventory.InventoryManagement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The outbox at volume: every publication is deleted once its listener has completed it
 * ({@code completion-mode: delete}), so thousands of events leave the table as small as they found it.
 */
@ShopHttpTest
class OutboxVolumeTests {

    private static final int PRODUCTS = 2_000;

    @Autowired
    RestTestClient http;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    InventoryManagement inventory;

    @Autowired
    DSLContext db;

    @Test
    void thousandsOfDeliveredEventsLeaveNoPublicationBehind() {
        long categoryId = new ShopFixtures(http).category().id();
        String batch = UUID.randomUUID().toString();

        List<Product> created = IntStream.range(0, PRODUCTS).parallel()
                .mapToObj(i -> catalog.create(new ProductDraft("VOL-" + batch + "-" + i, "Volume " + i, "", categoryId, 100)))
                .toList();

        await().atMost(Duration.ofSeconds(60)).until(() -> created.stream()
                .allMatch(product -> inventory.stockOf(product.id()).isPresent()));
        await().atMost(Duration.ofSeconds(10)).until(() -> publicationsOf(batch) == 0);
        assertThat(db.fetchCount(db.selectFrom("event_publication"))).isLessThan(PRODUCTS / 10);
    }

    private int publicationsOf(String batch) {
        return db.fetchCount(db.selectFrom("event_publication").where("serialized_event like ?", "%" + batch + "%"));
    }
}
