package dev.queuescope.catalog.internal;

import dev.queuescope.catalog.BulkLoadResult;
import dev.queuescope.catalog.BulkProduct;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Component;

/**
 * Loads many products at once: COPY into a temporary staging table, then one
 * {@code INSERT ... SELECT ... ON CONFLICT (sku) DO NOTHING}. Sequential, batched IO instead of a
 * statement per row, and idempotent: loading the same rows again inserts nothing.
 */
@Component
public class ProductBulkLoader {

    private static final int CHUNK_BYTES = 1 << 16;

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
                // Fresh statistics for the planner, and the GIN pending list merged now rather than
                // scanned by every search until autovacuum gets to it.
                statement.execute("analyze catalog.product");
                statement.execute("select gin_clean_pending_list('catalog.product_search_idx')");
                return new BulkLoadResult(ids, inserted);
            }
        });
    }

    private static void copy(Connection connection, Collection<BulkProduct> products, Map<String, Long> categoryIds)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy product_staging from stdin (format csv)");
        try {
            StringBuilder chunk = new StringBuilder(CHUNK_BYTES + 512);
            for (BulkProduct product : products) {
                Long categoryId = categoryIds.get(product.categoryName());
                if (categoryId == null) {
                    throw new IllegalArgumentException("unknown category " + product.categoryName());
                }
                csv(chunk, product.sku()).append(',');
                csv(chunk, product.name()).append(',');
                csv(chunk, product.description()).append(',');
                chunk.append(categoryId).append(',').append(product.priceCents()).append('\n');
                if (chunk.length() >= CHUNK_BYTES) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static StringBuilder csv(StringBuilder out, String value) {
        return out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
