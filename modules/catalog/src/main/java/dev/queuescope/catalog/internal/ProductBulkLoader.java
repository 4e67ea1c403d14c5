package dev.queuescope.catalog.internal;

import dev.queuescope.catalog.BulkLoadResult;
import dev.queuescope.catalog.BulkProduct;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Loads many products at once: COPY into a temporary staging table, then one
 * {@code INSERT ... SELECT ... ON CONFLICT (sku) DO NOTHING}. Sequential, batched IO instead of a
 * statement per row, and idempotent: loading the same rows again inserts nothing.
 */
@Component
public class ProductBulkLoader {

    private final DSLContext db;

    ProductBulkLoader(DSLContext db) {
        this.db = db;
    }

    public BulkLoadResult load(Collection<BulkProduct> products, Map<String, Long> categoryIds) {
        return db.connectionResult(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        create temporary table product_staging (
                            sku text, name text, description text, category_id bigint, price_cents bigint
                        )""");
                copy(connection, products, categoryIds);
                int inserted = statement.executeUpdate("""
                        insert into catalog.product (sku, name, description, category_id, price_cents)
                        select sku, name, description, category_id, price_cents from product_staging
                        order by sku
                        on conflict (sku) do nothing""");
                Map<String, Long> ids = new HashMap<>(products.size() * 2);
                try (var rows = statement.executeQuery(
                        "select p.sku, p.id from product_staging s join catalog.product p on p.sku = s.sku")) {
                    while (rows.next()) {
                        ids.put(rows.getString(1), rows.getLong(2));
                    }
                }
                statement.execute("drop table product_staging");
                afterBulkWrite(statement);
                return new BulkLoadResult(ids, inserted);
            }
        });
    }

    /**
     * After many rows went into catalog.product (a bulk load, an import): fresh statistics for the
     * planner, and the GIN pending list merged now rather than scanned by every search until
     * autovacuum gets to it.
     */
    static void afterBulkWrite(Statement statement) throws SQLException {
        statement.execute("analyze catalog.product");
        statement.execute("select gin_clean_pending_list('catalog.product_search_idx')");
    }

    private static void copy(Connection connection, Collection<BulkProduct> products, Map<String, Long> categoryIds)
            throws SQLException {
        try (CsvCopyIn copy = CsvCopyIn.open(connection, "copy product_staging from stdin (format csv)")) {
            for (BulkProduct product : products) {
                Long categoryId = categoryIds.get(product.categoryName());
                if (categoryId == null) {
                    throw new IllegalArgumentException("unknown category " + product.categoryName());
                }
                copy.text(product.sku()).text(product.name()).text(product.description()).number(categoryId)
                        .number(product.priceCents()).endRow();
            }
            copy.finish();
        }
    }
}
