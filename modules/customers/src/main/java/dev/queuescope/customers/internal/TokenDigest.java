package dev.queuescope.customers.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer tokens: 256 random bits, and the SHA-256 the database keeps instead. A fast hash is right
 * here (unlike for passwords): the token is random, so there is nothing to guess.
 */
public final class TokenDigest {

    /** Marks the string as a Queuescope secret for people and secret scanners. */
    static final String PREFIX = "qs_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenDigest() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] of(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
