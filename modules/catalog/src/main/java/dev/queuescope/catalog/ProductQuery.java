package dev.queuescope.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One page of products, in ascending id order, after the product with id {@code afterId}.
 * Every filter is optional; {@code text} is a web-search style full-text query.
 */
public record ProductQuery(@Nullable Long categoryId, @Nullable Long minPriceCents, @Nullable Long maxPriceCents,
        @Nullable String text, long afterId, int limit) {
}
