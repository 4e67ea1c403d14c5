/**
 * Stock per product. {@code available} is what can still be ordered; reserved units are held
 * separately until an order is paid or released. Listens to the catalog's
 * {@link dev.queuescope.catalog.ProductCreated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inventory", allowedDependencies = "catalog")
@org.jspecify.annotations.NullMarked
package dev.queuescope.inventory;
