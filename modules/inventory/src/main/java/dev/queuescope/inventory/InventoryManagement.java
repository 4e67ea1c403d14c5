package dev.queuescope.inventory;

import dev.queuescope.inventory.internal.StockRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's API. Reservations join the caller's transaction (orders reserves in the same
 * transaction that stores the order), so either both happen or neither does.
 */
@Service
public class InventoryManagement {

    private final StockRepository stock;

    InventoryManagement(StockRepository stock) {
        this.stock = stock;
    }

    /**
     * One select, no transaction of its own: a read-only one would add three round trips (set read
     * only, commit, set read write) to a one-statement read.
     */
    public Optional<StockLevel> stockOf(long productId) {
        return stock.find(productId);
    }

    /** Sets what can be ordered, creating the stock row if the product has none yet. */
    @Transactional
    public StockLevel setAvailable(long productId, int available) {
        return stock.upsertAvailable(productId, available);
    }

    /** Creates empty stock rows for the products that have none, in one statement (an import's new products). */
    @Transactional
    public int ensureStockRows(long[] productIds) {
        return stock.insertEmpty(productIds);
    }

    /** Creates an empty stock row unless the product has one (idempotent: a redelivered event is harmless). */
    @Transactional
    public void ensureStockRow(long productId) {
        stock.insertIfAbsent(productId);
    }

    /**
     * Moves the quantities from available to reserved under {@code reference}, all or nothing.
     * Each line is one conditional UPDATE ({@code available >= quantity}), so concurrent orders
     * can never take stock below zero; lines are taken in product-id order so two orders cannot
     * deadlock on each other's rows.
     *
     * @throws InsufficientStockException when any line cannot be covered (the caller's transaction
     *     must roll back; it is marked rollback-only here)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(String reference, Collection<StockLine> lines) {
        List<StockLine> ordered = lines.stream().sorted(Comparator.comparingLong(StockLine::productId)).toList();
        List<StockLine> shortLines = new ArrayList<>();
        for (StockLine line : ordered) {
            if (!stock.take(line.productId(), line.quantity())) {
                shortLines.add(line);
            }
        }
        if (!shortLines.isEmpty()) {
            throw new InsufficientStockException(shortLines);
        }
        stock.recordReservation(reference, ordered);
    }

    /** Gives everything reserved under {@code reference} back to available. Idempotent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String reference) {
        stock.release(reference);
    }

    /**
     * Bulk load for demo and import data: the stock of products that have no stock row yet
     * (existing rows are left as they are). COPY-speed, one statement for all rows.
     */
    @Transactional
    public int bulkLoad(Map<Long, Integer> availableByProduct) {
        return stock.insertMissing(availableByProduct);
    }
}
