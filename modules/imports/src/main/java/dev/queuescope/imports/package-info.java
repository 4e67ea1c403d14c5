/**
 * Bulk loading into the catalog and the inventory, and bulk export, through their APIs (COPY, batches):
 * the deterministic demo data set behind {@code POST /api/v1/admin/seed}, and every product as CSV at
 * {@code GET /api/v1/admin/exports/products.csv}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports", allowedDependencies = { "catalog",
        "inventory" })
@org.jspecify.annotations.NullMarked
package dev.queuescope.imports;
