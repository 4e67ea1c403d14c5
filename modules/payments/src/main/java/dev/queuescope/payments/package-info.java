/**
 * Payments: charges every placed order at the external payment provider and reports the outcome
 * through the orders API (paid, or cancelled when the provider declines). Listens to the orders'
 * {@link dev.queuescope.orders.OrderPlaced} after commit, through the event publication registry;
 * the remote call runs on the module's own executor behind a bulkhead, a circuit breaker and
 * retries, and never while a database connection is held.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments", allowedDependencies = "orders")
@org.jspecify.annotations.NullMarked
package dev.queuescope.payments;
