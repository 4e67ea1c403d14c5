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
 * Lab {@code gc-pressure}: memory bloat, in a heap sized too small (perf/labs.json sets {@code -Xmx} and
 * the throughput collector). Every page served is also put into an in-memory journal of the last
 * {@value #JOURNAL_PAGES} pages (for a "recently viewed" panel that needs only their ids), written
 * through a buffer pre-sized for the largest text a page could ever make ({@value #BUFFER_CHARS}
 * characters, "to avoid resizing") — and the journal keeps the buffers, not their text: 16 × 4 MB stay
 * live for a few tens of kilobytes of text each, in a 192 MB heap. Every request allocates megabytes
 * into what little room is left, and the collector stops the shop again and again to find it. The fix:
 * keep the ids, size buffers by what they hold, size the heap from measurements.
 */
@Repository
@Primary
@ConditionalOnBooleanProperty("queuescope.lab.gc-pressure")
class GcPressureProductRepository extends ProductRepository {

    static final int JOURNAL_PAGES = 16;
    static final int BUFFER_CHARS = 4 << 20;

    private final ConcurrentLinkedQueue<CharSequence> journal = new ConcurrentLinkedQueue<>();
    private final AtomicInteger journalSize = new AtomicInteger();

    GcPressureProductRepository(DSLContext db) {
        super(db);
    }

    @Override
    public List<Product> page(ProductQuery query) {
        List<Product> page = super.page(query);
        StringBuilder text = new StringBuilder(BUFFER_CHARS);
        page.forEach(product -> text.append(product).append('\n'));
        journal.add(text);
        if (journalSize.incrementAndGet() > JOURNAL_PAGES && journal.poll() != null) {
            journalSize.decrementAndGet();
        }
        return page;
    }
}
