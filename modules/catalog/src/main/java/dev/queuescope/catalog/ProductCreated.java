package dev.queuescope.catalog;

/** Published in the transaction that created the product; inventory gives it a stock row. */
public record ProductCreated(long productId, String sku, long categoryId) {
}
