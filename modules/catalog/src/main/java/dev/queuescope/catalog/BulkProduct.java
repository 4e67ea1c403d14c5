package dev.queuescope.catalog;

/** A product row for {@link ProductCatalog#bulkLoad}, naming its category instead of its id. */
public record BulkProduct(String sku, String name, String description, String categoryName, long priceCents) {
}
