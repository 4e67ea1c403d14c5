package dev.queuescope.orders.internal.web;

import dev.queuescope.orders.OrderRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/orders}. */
record PlaceOrderRequest(@NotEmpty @Size(max = 100) @Nullable List<@Valid @NotNull Item> items) {

    record Item(@NotNull @Positive @Nullable Long productId, @NotNull @Positive @Max(1000) @Nullable Integer quantity) {
    }

    /** Only called after validation, so every field is present. */
    @SuppressWarnings({ "NullAway", "DataFlowIssue" })
    OrderRequest toRequest() {
        return new OrderRequest(items.stream().map(i -> new OrderRequest.Item(i.productId(), i.quantity())).toList());
    }
}
