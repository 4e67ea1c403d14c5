package dev.queuescope.payments.internal;

/**
 * The provider gave no answer the shop can act on: a timeout, a refused or reset connection, a 5xx
 * or 429. Retried with backoff and counted by the circuit breaker; a declined charge is an answer.
 * Routine during an outage, so without a stack trace of its own (the cause keeps its).
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message, null, false, false);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
