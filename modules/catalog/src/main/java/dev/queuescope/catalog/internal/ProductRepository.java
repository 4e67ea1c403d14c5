package dev.queuescope.catalog.internal;

import static dev.queuescope.catalog.internal.db.Tables.PRODUCT;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

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
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Record1;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.springframework.stereotype.Repository;

/** Products in {@code catalog.product}; every query here is served by an index (see the EXPLAIN test). */
@Repository
public class ProductRepository {

    /** Up to this many matches a search is driven by the GIN index; beyond it, by the primary key. */
    private static final int SPARSE_MATCHES = 2_000;

    protected final DSLContext db;

    /** Protected for the labs ({@code internal.lab}), which replace a query with a worse one. */
    protected ProductRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<Product> find(long id) {
        return findQuery(id).fetchOptional(ProductRepository::toProduct);
    }

    public ResultQuery<ProductRecord> findQuery(long id) {
        return db.selectFrom(PRODUCT).where(PRODUCT.ID.eq(id));
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
        return pageQuery(query).fetch(ProductRepository::toProduct);
    }

    /**
     * The statement behind {@link #page}, unexecuted: the query-plan test explains exactly this.
     *
     * <p>A text search has two shapes, because no single plan is cheap for both rare and common
     * words when results come in id order. A capped count first asks the GIN index how many rows
     * match (after VACUUM it reads no heap pages): when they are few, the matches are collected
     * through the GIN index (a materialized CTE) and paged in id order, reading only them; when
     * they are many, the primary key is walked in id order and the first matches come within
     * about {@code limit * rows / matches} rows. Either way a page reads at most a few thousand rows.
     */
    public ResultQuery<ProductRecord> pageQuery(ProductQuery query) {
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
        if (query.text() == null) {
            return db.selectFrom(PRODUCT).where(where).orderBy(PRODUCT.ID).limit(query.limit());
        }
        Condition matches = condition("{0} @@ websearch_to_tsquery('english', {1})", PRODUCT.SEARCH,
                val(query.text()));
        if (db.fetchCount(select(PRODUCT.ID).from(PRODUCT).where(matches).limit(SPARSE_MATCHES + 1))
                > SPARSE_MATCHES) {
            where.add(matches);
            return db.selectFrom(PRODUCT).where(where).orderBy(PRODUCT.ID).limit(query.limit());
        }
        CommonTableExpression<Record1<Long>> hits = name("hits").fields("id")
                .asMaterialized(select(PRODUCT.ID).from(PRODUCT).where(matches));
        return db.with(hits)
                .select(PRODUCT.fields()).from(hits).join(PRODUCT).on(PRODUCT.ID.eq(hits.field(0, Long.class)))
                .where(where).orderBy(PRODUCT.ID).limit(query.limit())
                .coerce(PRODUCT);
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

    protected static Product toProduct(ProductRecord r) {
        return new Product(r.getId(), r.getSku(), r.getName(), r.getDescription(), r.getCategoryId(),
                r.getPriceCents(), r.getVersion());
    }
}
