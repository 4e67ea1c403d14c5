package dev.queuescope.inventory.internal;

import static dev.queuescope.inventory.internal.db.Tables.RESERVATION;
import static dev.queuescope.inventory.internal.db.Tables.STOCK;

import dev.queuescope.inventory.StockLevel;
import dev.queuescope.inventory.StockLine;
import dev.queuescope.inventory.internal.db.tables.records.StockRecord;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class StockRepository {

    protected final DSLContext db;

    /** Protected for the labs ({@code internal.lab}), which do the same writes a worse way. */
    protected StockRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<StockLevel> find(long productId) {
        return db.selectFrom(STOCK).where(STOCK.PRODUCT_ID.eq(productId)).fetchOptional(StockRepository::toLevel);
    }

    public StockLevel upsertAvailable(long productId, int available) {
        return db.insertInto(STOCK)
                .set(STOCK.PRODUCT_ID, productId)
                .set(STOCK.AVAILABLE, available)
                .onConflict(STOCK.PRODUCT_ID).doUpdate()
                .set(STOCK.AVAILABLE, available)
                .set(STOCK.UPDATED_AT, OffsetDateTime.now())
                .returning()
                .fetchSingle(StockRepository::toLevel);
    }

    public void insertIfAbsent(long productId) {
        db.insertInto(STOCK).set(STOCK.PRODUCT_ID, productId).onConflict(STOCK.PRODUCT_ID).doNothing().execute();
    }

    /** Atomically moves {@code quantity} from available to reserved; false when there is not enough. */
    public boolean take(long productId, int quantity) {
        return db.update(STOCK)
                .set(STOCK.AVAILABLE, STOCK.AVAILABLE.minus(quantity))
                .set(STOCK.RESERVED, STOCK.RESERVED.plus(quantity))
                .set(STOCK.UPDATED_AT, OffsetDateTime.now())
                .where(STOCK.PRODUCT_ID.eq(productId).and(STOCK.AVAILABLE.ge(quantity)))
                .execute() == 1;
    }

    public void recordReservation(String reference, List<StockLine> lines) {
        var insert = db.insertInto(RESERVATION, RESERVATION.REFERENCE, RESERVATION.PRODUCT_ID, RESERVATION.QUANTITY);
        for (StockLine line : lines) {
            insert = insert.values(reference, line.productId(), line.quantity());
        }
        insert.execute();
    }

    /** Deletes the reservation's rows and adds their quantities back, in one statement. */
    public void release(String reference) {
        var released = DSL.name("released");
        db.with(released).as(DSL.deleteFrom(RESERVATION).where(RESERVATION.REFERENCE.eq(reference))
                        .returning(RESERVATION.PRODUCT_ID, RESERVATION.QUANTITY))
                .update(STOCK)
                .set(STOCK.AVAILABLE, STOCK.AVAILABLE.plus(DSL.field(released.append("quantity"), Integer.class)))
                .set(STOCK.RESERVED, STOCK.RESERVED.minus(DSL.field(released.append("quantity"), Integer.class)))
                .set(STOCK.UPDATED_AT, OffsetDateTime.now())
                .from(DSL.table(released))
                .where(STOCK.PRODUCT_ID.eq(DSL.field(released.append("product_id"), Long.class)))
                .execute();
    }

    /** Inserts empty stock rows for products that have none: one statement, the ids passed as an array. */
    public int insertEmpty(long[] productIds) {
        Long[] ids = Arrays.stream(productIds).sorted().boxed().toArray(Long[]::new);
        return db.execute("""
                insert into inventory.stock (product_id)
                select unnest({0}::bigint[])
                on conflict (product_id) do nothing""", DSL.val(ids));
    }

    /** Inserts stock rows for products that have none: one statement, the rows passed as two arrays. */
    public int insertMissing(Map<Long, Integer> availableByProduct) {
        Long[] productIds = availableByProduct.keySet().stream().sorted().toArray(Long[]::new);
        Integer[] available = new Integer[productIds.length];
        for (int i = 0; i < productIds.length; i++) {
            available[i] = availableByProduct.get(productIds[i]);
        }
        return db.execute("""
                insert into inventory.stock (product_id, available)
                select * from unnest({0}::bigint[], {1}::integer[])
                on conflict (product_id) do nothing""", DSL.val(productIds), DSL.val(available));
    }

    private static StockLevel toLevel(StockRecord r) {
        return new StockLevel(r.getProductId(), r.getAvailable(), r.getReserved());
    }
}
