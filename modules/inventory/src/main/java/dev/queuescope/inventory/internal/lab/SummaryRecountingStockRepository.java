package dev.queuescope.inventory.internal.lab;

import static dev.queuescope.inventory.internal.db.Tables.STOCK;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.extract;
import static org.jooq.impl.DSL.mode;
import static org.jooq.impl.DSL.percentileCont;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import dev.queuescope.inventory.internal.StockRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;

/**
 * Lab {@code slow-listener}: giving a new product its stock row — the {@code ProductCreated}
 * listener's work — also refreshes a dashboard gauge of units on hand by recounting the whole stock
 * table (units on hand, the median and the most common stock level, the median reserved, free and
 * reserved share, the median age of the stock figures: a full scan and five sorts per event). When products
 * come faster than the recounts finish, the event publications queue. The fix: update the figure
 * incrementally, or compute it when scraped.
 */
@Repository
@Primary
@ConditionalOnBooleanProperty("queuescope.lab.slow-listener")
class SummaryRecountingStockRepository extends StockRepository {

    private final AtomicLong unitsOnHand = new AtomicLong();
    private final AtomicLong medianAvailable = new AtomicLong();
    private final AtomicLong commonestAvailable = new AtomicLong();
    private final AtomicLong medianReserved = new AtomicLong();
    private final AtomicLong medianFree = new AtomicLong();
    private final AtomicLong medianAgeSeconds = new AtomicLong();
    private final AtomicLong medianReservedPercent = new AtomicLong();

    SummaryRecountingStockRepository(DSLContext db, MeterRegistry registry) {
        super(db);
        gauge(registry, "inventory.stock.units", unitsOnHand, "Units available across all products");
        gauge(registry, "inventory.stock.median.available", medianAvailable, "Median units available per product");
        gauge(registry, "inventory.stock.mode.available", commonestAvailable, "Most common units available per product");
        gauge(registry, "inventory.stock.median.reserved", medianReserved, "Median units reserved per product");
        gauge(registry, "inventory.stock.median.free", medianFree, "Median units available and not reserved per product");
        gauge(registry, "inventory.stock.median.age", medianAgeSeconds, "Median seconds since a product's stock last changed");
        gauge(registry, "inventory.stock.median.reserved.percent", medianReservedPercent,
                "Median percentage of a product's stock that is reserved");
    }

    private static void gauge(MeterRegistry registry, String name, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get).description(description + " (slow-listener lab)").register(registry);
    }

    @Override
    public void insertIfAbsent(long productId) {
        super.insertIfAbsent(productId);
        var summary = db.select(coalesce(sum(STOCK.AVAILABLE), val(BigDecimal.ZERO)),
                        percentileCont(0.5).withinGroupOrderBy(STOCK.AVAILABLE),
                        mode().withinGroupOrderBy(STOCK.AVAILABLE),
                        percentileCont(0.5).withinGroupOrderBy(STOCK.RESERVED),
                        percentileCont(0.5).withinGroupOrderBy(STOCK.AVAILABLE.minus(STOCK.RESERVED)),
                        percentileCont(0.5).withinGroupOrderBy(extract(STOCK.UPDATED_AT, DatePart.EPOCH)),
                        percentileCont(0.5).withinGroupOrderBy(STOCK.RESERVED.times(100.0)
                                .div(STOCK.AVAILABLE.plus(STOCK.RESERVED).plus(1))))
                .from(STOCK).fetchSingle();
        unitsOnHand.set(summary.value1().longValue());
        medianAvailable.set(longOrZero(summary.value2()));
        commonestAvailable.set(longOrZero(summary.value3()));
        medianReserved.set(longOrZero(summary.value4()));
        medianFree.set(longOrZero(summary.value5()));
        medianAgeSeconds.set(summary.value6() == null ? 0 : Instant.now().getEpochSecond() - summary.value6().longValue());
        medianReservedPercent.set(longOrZero(summary.value7()));
    }

    private static long longOrZero(@Nullable Number value) {
        return value == null ? 0 : value.longValue();
    }
}
