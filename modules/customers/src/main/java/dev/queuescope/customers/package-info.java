/**
 * Customers: accounts (registration, password login), the opaque bearer tokens requests carry,
 * and roles. Other modules learn who is calling through {@link dev.queuescope.customers.Caller}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package dev.queuescope.customers;
