package dev.queuescope.inventory.internal.lab;

import static dev.queuescope.inventory.internal.db.Tables.STOCK;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import dev.queuescope.inventory.internal.StockRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;

/**
 * Lab {@code slow-listener}: giving a new product its stock row — the {@code ProductCreated}
 * listener's work — also refreshes a dashboard gauge of units on hand by recounting the whole stock
 * table, a full scan per event. Listeners run on the shop's small task executor, so when products
 * come faster than the scans finish, the event publications queue. The fix: update the figure
 * incrementally, or compute it when scraped.
 */
@Repository
@Primary
@ConditionalOnBooleanProperty("queuescope.lab.slow-listener")
class SummaryRecountingStockRepository extends StockRepository {

    private final AtomicLong unitsOnHand = new AtomicLong();

    SummaryRecountingStockRepository(DSLContext db, MeterRegistry registry) {
        super(db);
        Gauge.builder("inventory.stock.units", unitsOnHand, AtomicLong::get)
                .description("Units available across all products (recounted by the slow-listener lab)")
                .register(registry);
    }

    @Override
    public void insertIfAbsent(long productId) {
        super.insertIfAbsent(productId);
        BigDecimal units = db.select(coalesce(sum(STOCK.AVAILABLE), val(BigDecimal.ZERO)))
                .from(STOCK).where(STOCK.AVAILABLE.gt(0)).fetchSingle().value1();
        unitsOnHand.set(units.longValue());
    }
}
