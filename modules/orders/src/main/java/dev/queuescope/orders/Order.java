package dev.queuescope.orders;

import java.time.OffsetDateTime;
import java.util.List;

public record Order(long id, OrderStatus status, long totalCents, List<OrderLine> items, OffsetDateTime createdAt) {
}
