package dev.queuescope.inventory;

/** A quantity of one product, as reserved or released. */
public record StockLine(long productId, int quantity) {
}
