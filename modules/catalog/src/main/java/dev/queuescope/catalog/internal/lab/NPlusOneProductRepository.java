package dev.queuescope.catalog.internal.lab;

import static dev.queuescope.catalog.internal.db.Tables.PRODUCT;

import dev.queuescope.catalog.Product;
import dev.queuescope.catalog.ProductQuery;
import dev.queuescope.catalog.internal.CategoryRepository;
import dev.queuescope.catalog.internal.ProductRepository;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;

/**
 * Lab {@code n-plus-one}: a page is read as its ids, then one query per product and one more for its
 * category — the ORM habit of loading a list and touching each element's relations lazily. The page
 * is the same; the statements are 1 + 2N.
 */
@Repository
@Primary
@ConditionalOnBooleanProperty("queuescope.lab.n-plus-one")
class NPlusOneProductRepository extends ProductRepository {

    private final CategoryRepository categories;

    NPlusOneProductRepository(DSLContext db, CategoryRepository categories) {
        super(db);
        this.categories = categories;
    }

    @Override
    public List<Product> page(ProductQuery query) {
        return pageQuery(query).fetch(PRODUCT.ID).stream().map(this::find).flatMap(Optional::stream)
                .filter(product -> categories.exists(product.categoryId())).toList();
    }
}
