package dev.queuescope.customers.internal.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An email and a password, as registration and login receive them. */
record Credentials(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 10, max = 72, message = "must be 10 to 72 characters") String password) {

    @Override
    public String toString() {
        // A validation message or a debug line must never carry the password.
        return "Credentials[email=" + email + ", password=<hidden>]";
    }
}
