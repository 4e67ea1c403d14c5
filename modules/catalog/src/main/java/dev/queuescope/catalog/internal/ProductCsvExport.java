package dev.queuescope.catalog.internal;

import static dev.queuescope.catalog.internal.db.Tables.CATEGORY;
import static dev.queuescope.catalog.internal.db.Tables.PRODUCT;

import java.io.OutputStream;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * Every product as CSV, streamed by PostgreSQL's {@code COPY (…) TO STDOUT}: the server walks the primary
 * key and sends rows as it reads them, and the driver hands each to the output stream as it arrives —
 * memory stays constant whatever the number of rows, and no row is mapped to an object on the way. The
 * columns are the import's (the category by name), with the id first.
 */
@Component
public class ProductCsvExport {

    private final DSLContext db;

    ProductCsvExport(DSLContext db) {
        this.db = db;
    }

    /** Writes the header and one line per product, in id order; returns the number of products. */
    public long write(OutputStream out) {
        String rows = db.renderInlined(db.select(PRODUCT.ID, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.DESCRIPTION,
                        CATEGORY.NAME.as("category"), PRODUCT.PRICE_CENTS)
                .from(PRODUCT).join(CATEGORY).on(CATEGORY.ID.eq(PRODUCT.CATEGORY_ID))
                .orderBy(PRODUCT.ID));
        return db.connectionResult(connection -> connection.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("copy (" + rows + ") to stdout (format csv, header)", out));
    }
}
