package dev.queuescope;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per {@code period} per client ({@code queuescope.web.rate-limit}): a customer is known
 * by its token, anyone else by remote address. A client may burst to twice its rate. Admins are not
 * limited (they import, export and seed). A benchmark that measures the stack without the limiter
 * sets {@code enabled=false} and says so.
 */
@ConfigurationProperties("queuescope.web.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200") long customerRequests,
        @DefaultValue("100") long anonymousRequests,
        @DefaultValue("1s") Duration period) {
}
