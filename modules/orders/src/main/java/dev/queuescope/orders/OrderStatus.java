package dev.queuescope.orders;

import java.util.Set;

/** PLACED → PAID → SHIPPED, or PLACED → CANCELLED (a paid order is not cancelled here: that is a refund). */
public enum OrderStatus {
    PLACED, PAID, SHIPPED, CANCELLED;

    public boolean canBecome(OrderStatus next) {
        return switch (this) {
            case PLACED -> Set.of(PAID, CANCELLED).contains(next);
            case PAID -> next == SHIPPED;
            case SHIPPED, CANCELLED -> false;
        };
    }
}
