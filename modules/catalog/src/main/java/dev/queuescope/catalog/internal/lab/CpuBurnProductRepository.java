package dev.queuescope.catalog.internal.lab;

import dev.queuescope.catalog.Product;
import dev.queuescope.catalog.ProductQuery;
import dev.queuescope.catalog.internal.ProductRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;

/**
 * Lab {@code cpu-burn}: instead of letting the database order and limit, a page reads a window of
 * candidates and orders them in the application: it keeps a "by relevance" (name) ranking that it
 * sorts again with a selection sort after every candidate it adds — cubic in the window — then sorts
 * back by id. The page is the same; the CPU is not. (The sort runs inside the page's transaction, so
 * at a high rate its connection is held meanwhile and the pool queues too: the lab is provoked at a
 * rate the pool absorbs.)
 */
@Repository
@Primary
@ConditionalOnBooleanProperty("queuescope.lab.cpu-burn")
class CpuBurnProductRepository extends ProductRepository {

    /** Candidates read per row of the page: the "just in case" window, sorted again in Java. */
    private static final int WINDOW = 20;

    CpuBurnProductRepository(DSLContext db) {
        super(db);
    }

    @Override
    public List<Product> page(ProductQuery query) {
        ProductQuery wide = new ProductQuery(query.categoryId(), query.minPriceCents(), query.maxPriceCents(),
                query.text(), query.afterId(), query.limit() * WINDOW);
        List<Product> candidates = new ArrayList<>();
        for (Product candidate : pageQuery(wide).fetch(ProductRepository::toProduct)) {
            candidates.add(candidate);
            selectionSort(candidates, Comparator.comparing(Product::name));
        }
        selectionSort(candidates, Comparator.comparingLong(Product::id));
        return List.copyOf(candidates.subList(0, Math.min(query.limit(), candidates.size())));
    }

    private static void selectionSort(List<Product> items, Comparator<Product> order) {
        for (int i = 0; i < items.size(); i++) {
            int smallest = i;
            for (int j = i + 1; j < items.size(); j++) {
                if (order.compare(items.get(j), items.get(smallest)) < 0) {
                    smallest = j;
                }
            }
            items.set(smallest, items.set(i, items.get(smallest)));
        }
    }
}
