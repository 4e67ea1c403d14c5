package dev.queuescope.customers;

import java.time.Instant;

/** A bearer token handed out at login: the only time the shop has it in clear. */
public record AccessToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        // Records print their fields; a token must never reach a log line by accident.
        return "AccessToken[token=<hidden>, expiresAt=" + expiresAt + "]";
    }
}
