package dev.queuescope.inventory.internal.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

record StockRequest(@NotNull @PositiveOrZero @Max(1_000_000_000) @Nullable Integer available) {
}
