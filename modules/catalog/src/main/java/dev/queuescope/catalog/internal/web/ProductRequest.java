package dev.queuescope.catalog.internal.web;

import dev.queuescope.catalog.ProductDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/products} and {@code PUT /api/v1/products/{id}}. */
record ProductRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") @Nullable String sku,
        @NotBlank @Size(max = 200) @Nullable String name,
        @Size(max = 2000) @Nullable String description,
        @NotNull @Positive @Nullable Long categoryId,
        @NotNull @PositiveOrZero @Nullable Long priceCents) {

    /** Only called after validation, so the required fields are present. */
    @SuppressWarnings("NullAway")
    ProductDraft toDraft() {
        return new ProductDraft(sku, name.strip(), description == null ? "" : description, categoryId, priceCents);
    }
}
