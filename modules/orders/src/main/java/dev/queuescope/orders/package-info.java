/**
 * Orders: a customer's idempotent placement (checks products with the catalog, reserves stock with the
 * inventory, stores the order — one transaction) and the order state machine. Publishes
 * {@link dev.queuescope.orders.OrderPlaced}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders", allowedDependencies = { "catalog",
        "inventory", "customers" })
@org.jspecify.annotations.NullMarked
package dev.queuescope.orders;
