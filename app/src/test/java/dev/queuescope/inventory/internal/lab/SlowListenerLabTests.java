package dev.queuescope.inventory.internal.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.ShopHttpTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code slow-listener} lab changes how the listener does its work, not what it does (docs/labs.md):
 * the new product still gets its stock row, and the gauges it recounts hold the whole table's figures.
 */
@ShopHttpTest
@Transactional
class SlowListenerLabTests {

    private static final long PRODUCT_ID = 9_100_000_001L; // rows below belong to no product: rolled back

    @Autowired
    DSLContext db;

    @Test
    void theRecountingRepositoryGivesTheProductItsStockRowAndGaugesTheWholeTable() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SummaryRecountingStockRepository lab = new SummaryRecountingStockRepository(db, registry);
        db.execute("insert into inventory.stock (product_id, available) values (?, 7)", PRODUCT_ID + 1);

        lab.insertIfAbsent(PRODUCT_ID);

        assertThat(db.fetchExists(db.selectOne().from("inventory.stock").where("product_id = ?", PRODUCT_ID))).isTrue();
        long units = db.fetchSingle("select sum(available) from inventory.stock").get(0, Long.class);
        assertThat(units).isGreaterThanOrEqualTo(7);
        assertThat(registry.get("inventory.stock.units").gauge().value()).isEqualTo(units);
        assertThat(registry.get("inventory.stock.median.age").gauge().value()).isNotNegative();
    }
}
