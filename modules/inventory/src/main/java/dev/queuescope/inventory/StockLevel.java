package dev.queuescope.inventory;

public record StockLevel(long productId, int available, int reserved) {
}
