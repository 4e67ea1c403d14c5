package dev.queuescope.orders.internal;

import dev.queuescope.orders.OrderRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of the parsed request, so the same order sent with other whitespace or field order is
 * still "the same body" for its idempotency key.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(OrderRequest request) {
        StringBuilder canonical = new StringBuilder("v1");
        for (OrderRequest.Item item : request.items()) {
            canonical.append('|').append(item.productId()).append('x').append(item.quantity());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
