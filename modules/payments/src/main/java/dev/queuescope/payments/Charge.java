package dev.queuescope.payments;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The charge of one order. {@code attempts} counts the requests sent to the provider for it, over
 * every delivery of the order's event and every retry.
 */
public record Charge(long orderId, ChargeStatus status, long amountCents, @Nullable String providerChargeId,
        int attempts, @Nullable String lastError, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
