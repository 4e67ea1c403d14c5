package dev.queuescope.catalog.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The opaque keyset cursor: base64url of {@code id:<last id>}. Opaque so clients cannot build one
 * and the encoding can change; a tampered cursor is a 400 naming the {@code after} parameter.
 */
final class Cursor {

    private static final String PREFIX = "id:";

    private Cursor() {
    }

    static @Nullable String encode(@Nullable Long lastId) {
        if (lastId == null) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    static long decode(@Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id >= 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to the 400 below
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Malformed cursor");
        problem.setProperty("errors", List.of(Map.of("field", "after", "message", "not a cursor this API issued")));
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
