package dev.queuescope.catalog;

/**
 * A product as the rest of the shop sees it. {@code version} grows with every update and is the
 * product's ETag.
 */
public record Product(long id, String sku, String name, String description, long categoryId, long priceCents,
        int version) {
}
