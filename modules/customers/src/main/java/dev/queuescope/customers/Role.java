package dev.queuescope.customers;

/** What an account may do: customers place and see their own orders; admins run the shop. */
public enum Role {
    CUSTOMER,
    ADMIN
}
