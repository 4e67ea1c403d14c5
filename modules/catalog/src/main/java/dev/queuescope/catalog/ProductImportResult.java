package dev.queuescope.catalog;

/**
 * What {@link ProductCatalog#importProducts} did.
 *
 * @param newProductIds the ids of the products it created (their stock rows are the caller's to make)
 * @param updated       how many existing products (matched by sku) it changed
 */
public record ProductImportResult(long[] newProductIds, long updated) {

    public long loaded() {
        return newProductIds.length + updated;
    }
}
