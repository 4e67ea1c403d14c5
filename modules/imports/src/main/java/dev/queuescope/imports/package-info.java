/**
 * Bulk loading into the catalog and the inventory through their APIs (COPY, batches): for now the
 * deterministic demo data set behind {@code POST /api/v1/admin/seed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports", allowedDependencies = { "catalog",
        "inventory" })
@org.jspecify.annotations.NullMarked
package dev.queuescope.imports;
