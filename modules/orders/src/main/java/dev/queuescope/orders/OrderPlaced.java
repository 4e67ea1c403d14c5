package dev.queuescope.orders;

import java.util.List;

/** Published in the transaction that placed the order (stock is reserved by then). */
public record OrderPlaced(long orderId, long totalCents, List<OrderLine> items) {
}
