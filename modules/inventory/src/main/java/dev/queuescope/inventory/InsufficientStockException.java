package dev.queuescope.inventory;

import java.util.List;

/** Thrown by {@link InventoryManagement#reserve} when a line cannot be covered; nothing is reserved. */
public class InsufficientStockException extends RuntimeException {

    private final List<StockLine> shortLines;

    public InsufficientStockException(List<StockLine> shortLines) {
        super("Insufficient stock for products " + shortLines.stream().map(StockLine::productId).toList());
        this.shortLines = List.copyOf(shortLines);
    }

    /** The lines that could not be reserved, with the quantity asked for. */
    public List<StockLine> shortLines() {
        return shortLines;
    }
}
