package dev.queuescope.orders;

import static dev.queuescope.orders.OrderStatus.CANCELLED;
import static dev.queuescope.orders.OrderStatus.PAID;
import static dev.queuescope.orders.OrderStatus.PLACED;
import static dev.queuescope.orders.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderStatusTests {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "PLACED, PAID, true", "PLACED, CANCELLED, true", "PLACED, SHIPPED, false", "PLACED, PLACED, false",
            "PAID, SHIPPED, true", "PAID, CANCELLED, false", "PAID, PLACED, false",
            "SHIPPED, CANCELLED, false", "SHIPPED, PAID, false",
            "CANCELLED, PLACED, false", "CANCELLED, PAID, false" })
    void onlyTheDocumentedTransitionsAreAllowed(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @Test
    void finalStatesAllowNothing() {
        for (OrderStatus next : OrderStatus.values()) {
            assertThat(SHIPPED.canBecome(next)).isFalse();
            assertThat(CANCELLED.canBecome(next)).isFalse();
        }
        assertThat(PLACED.canBecome(PAID)).isTrue();
    }
}
