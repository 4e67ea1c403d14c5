package dev.queuescope.orders;

public record OrderLine(long productId, int quantity, long unitPriceCents) {
}
