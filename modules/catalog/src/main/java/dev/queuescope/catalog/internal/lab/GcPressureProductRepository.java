package dev.queuescope.catalog.internal.lab;

import dev.queuescope.catalog.Product;
import dev.queuescope.catalog.ProductQuery;
import dev.queuescope.catalog.internal.ProductRepository;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;

/**
 * Lab {@code gc-pressure}: memory bloat — the shop holds far more than it needs, for longer than it
 * needs. Every page served is also kept, whole, in an in-memory journal of the last
 * {@value #JOURNAL_PAGES} pages (for a "recently viewed" panel that needs only their ids), in a heap
 * sized too small (perf/labs.json sets {@code -Xmx}). The pages outlive young collections, are copied
 * and promoted, then die in the old generation: the worst case for a generational collector. The
 * fix: keep the ids (8 bytes, not a product), or nothing.
 */
@Repository
@Primary
@ConditionalOnBooleanProperty("queuescope.lab.gc-pressure")
class GcPressureProductRepository extends ProductRepository {

    static final int JOURNAL_PAGES = 2_000;

    private final ConcurrentLinkedQueue<List<Product>> journal = new ConcurrentLinkedQueue<>();
    private final AtomicInteger journalSize = new AtomicInteger();

    GcPressureProductRepository(DSLContext db) {
        super(db);
    }

    @Override
    public List<Product> page(ProductQuery query) {
        List<Product> page = super.page(query);
        journal.add(page);
        if (journalSize.incrementAndGet() > JOURNAL_PAGES && journal.poll() != null) {
            journalSize.decrementAndGet();
        }
        return page;
    }
}
