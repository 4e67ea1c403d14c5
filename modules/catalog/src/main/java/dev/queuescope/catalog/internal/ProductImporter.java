package dev.queuescope.catalog.internal;

import dev.queuescope.catalog.BulkProduct;
import dev.queuescope.catalog.CatalogProblem;
import dev.queuescope.catalog.ProductImportResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Imports a stream of products set-based: COPY into a staging table as the rows arrive, then one
 * statement creates the missing categories and one merges the products by sku (new ones inserted,
 * existing ones updated). Runs in the caller's transaction: the staging table goes with it, and a
 * failure anywhere leaves nothing behind.
 */
@Component
public class ProductImporter {

    private static final int REPEATS_SHOWN = 20;

    private final DSLContext db;

    ProductImporter(DSLContext db) {
        this.db = db;
    }

    public ProductImportResult load(Iterator<BulkProduct> rows) {
        return db.connectionResult(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        create temporary table product_import (
                            sku text, name text, description text, category text, price_cents bigint
                        ) on commit drop""");
                copy(connection, rows);
                List<String> repeated = repeatedSkus(statement);
                if (!repeated.isEmpty()) {
                    throw CatalogProblem.repeatedSkus(repeated);
                }
                statement.execute("""
                        insert into catalog.category (name)
                        select distinct category from product_import order by category
                        on conflict (name) do nothing""");
                ProductImportResult result = merge(statement);
                ProductBulkLoader.afterBulkWrite(statement);
                return result;
            }
        });
    }

    private static void copy(Connection connection, Iterator<BulkProduct> rows) throws SQLException {
        try (CsvCopyIn copy = CsvCopyIn.open(connection, "copy product_import from stdin (format csv)")) {
            while (rows.hasNext()) {
                BulkProduct product = rows.next();
                copy.text(product.sku()).text(product.name()).text(product.description()).text(product.categoryName())
                        .number(product.priceCents()).endRow();
            }
            copy.finish();
        }
    }

    private static List<String> repeatedSkus(Statement statement) throws SQLException {
        List<String> repeated = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("select sku from product_import group by sku having count(*) > 1 "
                + "order by sku limit " + REPEATS_SHOWN)) {
            while (rows.next()) {
                repeated.add(rows.getString(1));
            }
        }
        return repeated;
    }

    /** Inserted rows have no deleting transaction ({@code xmax = 0}); updated ones carry this one's. */
    private static ProductImportResult merge(Statement statement) throws SQLException {
        LongStream.Builder inserted = LongStream.builder();
        long updated = 0;
        try (ResultSet merged = statement.executeQuery("""
                insert into catalog.product as p (sku, name, description, category_id, price_cents)
                select s.sku, s.name, s.description, c.id, s.price_cents
                from product_import s join catalog.category c on c.name = s.category
                order by s.sku
                on conflict (sku) do update set name = excluded.name, description = excluded.description,
                    category_id = excluded.category_id, price_cents = excluded.price_cents,
                    version = p.version + 1, updated_at = now()
                returning p.id, p.xmax = 0""")) {
            while (merged.next()) {
                if (merged.getBoolean(2)) {
                    inserted.add(merged.getLong(1));
                } else {
                    updated++;
                }
            }
        }
        return new ProductImportResult(inserted.build().toArray(), updated);
    }
}
