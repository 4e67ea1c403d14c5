package dev.queuescope;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Which browser origins may call the API ({@code queuescope.web.cors}). The default lets a
 * front-end in development on this machine (any port of localhost) call it; a deployment lists
 * its own origins. Bearer tokens travel in a header, never a cookie, so credentials stay off.
 */
@ConfigurationProperties("queuescope.web.cors")
record CorsProperties(
        @DefaultValue({"http://localhost:[*]", "http://127.0.0.1:[*]"}) List<String> allowedOriginPatterns,
        @DefaultValue("1h") Duration maxAge) {

    CorsConfiguration toConfiguration() {
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(allowedOriginPatterns);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match",
                "If-None-Match", "X-Request-Id"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "Idempotent-Replayed", "X-Request-Id"));
        cors.setMaxAge(maxAge);
        return cors;
    }
}
