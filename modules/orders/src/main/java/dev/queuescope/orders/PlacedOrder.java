package dev.queuescope.orders;

/** The order an idempotency key stands for; {@code replayed} when an earlier request created it. */
public record PlacedOrder(Order order, boolean replayed) {
}
