package dev.queuescope.catalog.internal.lab;

import dev.queuescope.catalog.Product;
import dev.queuescope.catalog.ProductQuery;
import dev.queuescope.catalog.internal.ProductRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;

/**
 * Lab {@code lock-contention}: pages are counted per category in a plain {@link HashMap}, and to make
 * that counter thread-safe the whole method was made {@code synchronized} — so the page's query runs
 * under one global lock and every list page in the shop is read one at a time. The fix is to guard
 * only the shared state (or use a {@code ConcurrentHashMap} / Micrometer counter) and keep IO outside
 * any lock.
 */
@Repository
@Primary
@ConditionalOnBooleanProperty("queuescope.lab.lock-contention")
class LockContentionProductRepository extends ProductRepository {

    private final Map<Long, Long> pagesByCategory = new HashMap<>();

    LockContentionProductRepository(DSLContext db) {
        super(db);
    }

    @Override
    public synchronized List<Product> page(ProductQuery query) {
        pagesByCategory.merge(query.categoryId() == null ? 0L : query.categoryId(), 1L, Long::sum);
        return super.page(query);
    }
}
