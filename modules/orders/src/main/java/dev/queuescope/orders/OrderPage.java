package dev.queuescope.orders;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of a customer's orders, newest first; {@code nextCursor} continues it (null: no more). */
public record OrderPage(List<Order> items, @Nullable String nextCursor) {
}
