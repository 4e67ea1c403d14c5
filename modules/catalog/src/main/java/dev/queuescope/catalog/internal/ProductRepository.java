package dev.queuescope.catalog.internal;

import static dev.queuescope.catalog.internal.db.Tables.PRODUCT;

import dev.queuescope.catalog.Product;
import dev.queuescope.catalog.ProductDraft;
import dev.queuescope.catalog.ProductQuery;
import dev.queuescope.catalog.internal.db.tables.records.ProductRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Products in {@code catalog.product}; every query here is served by an index (see the EXPLAIN test). */
@Repository
public class ProductRepository {

    private final DSLContext db;

    ProductRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<Product> find(long id) {
        return db.selectFrom(PRODUCT).where(PRODUCT.ID.eq(id)).fetchOptional(ProductRepository::toProduct);
    }

    public Map<Long, Product> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(PRODUCT).where(PRODUCT.ID.in(ids)).fetch(ProductRepository::toProduct).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
    }

    /** Keyset page: {@code id > afterId ORDER BY id LIMIT n}, so page 1000 costs what page 1 costs. */
    public List<Product> page(ProductQuery query) {
        List<Condition> where = new ArrayList<>();
        where.add(PRODUCT.ID.gt(query.afterId()));
        if (query.categoryId() != null) {
            where.add(PRODUCT.CATEGORY_ID.eq(query.categoryId()));
        }
        if (query.minPriceCents() != null) {
            where.add(PRODUCT.PRICE_CENTS.ge(query.minPriceCents()));
        }
        if (query.maxPriceCents() != null) {
            where.add(PRODUCT.PRICE_CENTS.le(query.maxPriceCents()));
        }
        if (query.text() != null) {
            where.add(DSL.condition("{0} @@ websearch_to_tsquery('english', {1})", PRODUCT.SEARCH,
                    DSL.val(query.text())));
        }
        return db.selectFrom(PRODUCT)
                .where(where)
                .orderBy(PRODUCT.ID)
                .limit(query.limit())
                .fetch(ProductRepository::toProduct);
    }

    /** Inserts the product unless its sku is taken: empty means a duplicate sku. */
    public Optional<Product> insert(ProductDraft draft) {
        return db.insertInto(PRODUCT)
                .set(PRODUCT.SKU, draft.sku())
                .set(PRODUCT.NAME, draft.name())
                .set(PRODUCT.DESCRIPTION, draft.description())
                .set(PRODUCT.CATEGORY_ID, draft.categoryId())
                .set(PRODUCT.PRICE_CENTS, draft.priceCents())
                .onConflict(PRODUCT.SKU).doNothing()
                .returning()
                .fetchOptional()
                .map(ProductRepository::toProduct);
    }

    public boolean skuTakenByOther(String sku, long id) {
        return db.fetchExists(PRODUCT, PRODUCT.SKU.eq(sku).and(PRODUCT.ID.ne(id)));
    }

    /** Updates and bumps the version; empty when {@code expectedVersion} no longer matches. */
    public Optional<Product> update(long id, ProductDraft draft, Optional<Integer> expectedVersion) {
        Condition where = PRODUCT.ID.eq(id);
        if (expectedVersion.isPresent()) {
            where = where.and(PRODUCT.VERSION.eq(expectedVersion.get()));
        }
        return db.update(PRODUCT)
                .set(PRODUCT.SKU, draft.sku())
                .set(PRODUCT.NAME, draft.name())
                .set(PRODUCT.DESCRIPTION, draft.description())
                .set(PRODUCT.CATEGORY_ID, draft.categoryId())
                .set(PRODUCT.PRICE_CENTS, draft.priceCents())
                .set(PRODUCT.VERSION, PRODUCT.VERSION.plus(1))
                .set(PRODUCT.UPDATED_AT, OffsetDateTime.now())
                .where(where)
                .returning()
                .fetchOptional()
                .map(ProductRepository::toProduct);
    }

    static Product toProduct(ProductRecord r) {
        return new Product(r.getId(), r.getSku(), r.getName(), r.getDescription(), r.getCategoryId(),
                r.getPriceCents(), r.getVersion());
    }
}
