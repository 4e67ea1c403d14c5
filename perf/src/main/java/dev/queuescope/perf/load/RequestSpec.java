package dev.queuescope.perf.load;

import io.vertx.core.http.HttpMethod;
import java.util.Map;

/**
 * One request to send.
 *
 * @param endpoint label the per-endpoint statistics are grouped by (e.g. {@code "GET /products/{id}"})
 * @param path     request URI (path and query); scheme, host and port come from {@link LoadPlan#target()}
 * @param body     request body, or {@code null} for none
 */
public record RequestSpec(String endpoint, HttpMethod method, String path, Map<String, String> headers,
        byte[] body) {

    public RequestSpec {
        headers = Map.copyOf(headers);
    }
}
