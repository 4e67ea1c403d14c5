package dev.queuescope.catalog.internal.web;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A product's ETag is its version: {@code "v<version>"}. If-Match uses strong comparison
 * (RFC 9110 13.1.1), so weak tags never match.
 */
final class ETags {

    /** A version no product ever has: an If-Match that names no version of ours can never succeed. */
    private static final int NO_VERSION = -1;

    private ETags() {
    }

    static String of(int version) {
        return "\"v" + version + "\"";
    }

    /** The version an If-Match header demands; empty when there is none or it is {@code *}. */
    static Optional<Integer> expectedVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("\"v") && t.endsWith("\"") && t.length() > 3) {
                try {
                    return Optional.of(Integer.parseInt(t.substring(2, t.length() - 1)));
                } catch (NumberFormatException notOurs) {
                    // not one of our tags; try the next
                }
            }
        }
        return Optional.of(NO_VERSION);
    }
}
