package dev.queuescope.catalog;

/** What it takes to create a product, or to replace one's fields. */
public record ProductDraft(String sku, String name, String description, long categoryId, long priceCents) {
}
