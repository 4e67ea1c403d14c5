/**
 * The product catalog: categories and products. Its API is this package; everything else is
 * {@code internal}. Publishes {@link dev.queuescope.catalog.ProductCreated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package dev.queuescope.catalog;
