package dev.queuescope.customers;

import java.time.OffsetDateTime;

/** A registered account, as the API shows it (never its password hash). */
public record Customer(long id, String email, Role role, OffsetDateTime createdAt) {
}
