package dev.queuescope.customers;

/** The account a request's bearer token belongs to. */
public record Caller(long customerId, String email, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
