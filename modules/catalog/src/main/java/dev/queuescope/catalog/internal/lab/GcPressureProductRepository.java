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
 * Lab {@code gc-pressure}: memory bloat, in a heap sized too small (perf/labs.json sets {@code -Xmx}).
 * Every page served is also written, as text, into an in-memory journal of the last
 * {@value #JOURNAL_PAGES} pages (for a "recently viewed" panel that needs only their ids), each through
 * a buffer pre-sized for the largest text a page could ever make ({@value #BUFFER_CHARS} characters,
 * "to avoid resizing"). Every request allocates megabytes, and the journal's pages outlive young
 * collections before they die: the collector runs often and copies a lot. The fix: keep the ids, size
 * buffers by what they hold.
 */
@Repository
@Primary
@ConditionalOnBooleanProperty("queuescope.lab.gc-pressure")
class GcPressureProductRepository extends ProductRepository {

    static final int JOURNAL_PAGES = 300;
    static final int BUFFER_CHARS = 4 << 20;

    private final ConcurrentLinkedQueue<String> journal = new ConcurrentLinkedQueue<>();
    private final AtomicInteger journalSize = new AtomicInteger();

    GcPressureProductRepository(DSLContext db) {
        super(db);
    }

    @Override
    public List<Product> page(ProductQuery query) {
        List<Product> page = super.page(query);
        StringBuilder text = new StringBuilder(BUFFER_CHARS);
        page.forEach(product -> text.append(product).append('\n'));
        journal.add(text.toString());
        if (journalSize.incrementAndGet() > JOURNAL_PAGES && journal.poll() != null) {
            journalSize.decrementAndGet();
        }
        return page;
    }
}
