package dev.queuescope.catalog.internal.lab;

import static dev.queuescope.catalog.internal.db.Tables.PRODUCT;
import static org.jooq.impl.DSL.lower;

import dev.queuescope.catalog.ProductQuery;
import dev.queuescope.catalog.internal.ProductRepository;
import dev.queuescope.catalog.internal.db.tables.records.ProductRecord;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;

/**
 * Lab {@code missing-index}: a text search written as {@code lower(name) LIKE '%word%'} — a function
 * on the column and a leading wildcard, so neither the GIN index nor any B-tree can serve it and every
 * search reads the whole table. (It also matches differently: substrings, no stemming.)
 */
@Repository
@Primary
@ConditionalOnBooleanProperty("queuescope.lab.missing-index")
class MissingIndexProductRepository extends ProductRepository {

    MissingIndexProductRepository(DSLContext db) {
        super(db);
    }

    @Override
    public ResultQuery<ProductRecord> pageQuery(ProductQuery query) {
        if (query.text() == null) {
            return super.pageQuery(query);
        }
        String pattern = "%" + query.text().toLowerCase(Locale.ROOT) + "%";
        return db.selectFrom(PRODUCT)
                .where(PRODUCT.ID.gt(query.afterId()))
                .and(lower(PRODUCT.NAME).like(pattern).or(lower(PRODUCT.DESCRIPTION).like(pattern)))
                .orderBy(PRODUCT.NAME, PRODUCT.ID)
                .limit(query.limit());
    }
}
