package dev.queuescope.perf.outage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders still unpaid at the end of a run, as the shop's outbox lists them ({@code GET /api/v1/admin/events}, as
 * the admin): the incomplete publications of {@code OrderPlaced}, whose listener charges the order and completes
 * the publication once the provider answered (paid, or declined and cancelled) or the order no longer wants
 * paying: an order's charge is owed, and the order {@code PLACED}, exactly while it is incomplete. Read from the
 * outbox rather than the orders because the outbox lists every owed charge in one bounded query, oldest first.
 *
 * <p>Publications younger than {@link #SETTLING} are left out: their charge may be in flight, or waiting out the
 * resubmission's minimum age (10 s) after meeting the breaker still open. Owed charges older than that are a
 * backlog the shop did not pay.
 */
public final class UnsettledOrders {

    static final Duration SETTLING = Duration.ofSeconds(10);
    static final String ORDER_PLACED = "dev.queuescope.orders.OrderPlaced";
    /** The endpoint's largest page; the oldest come first, so only a backlog beyond it is cut off. */
    static final int LIMIT = 1000;

    private UnsettledOrders() {
    }

    /** Unpaid orders placed more than {@link #SETTLING} ago; at most {@value #LIMIT}. */
    public static int count(URI target, String adminToken) throws IOException, InterruptedException {
        Instant asked = Instant.now();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            target.resolve("/api/v1/admin/events?limit=" + LIMIT))
                    .header("Authorization", "Bearer " + adminToken).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + response.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return count(JsonMapper.builder().build().readTree(response.body()), asked.minus(SETTLING));
        }
    }

    /** @param list the endpoint's answer, {@code {"items": [{"eventType", "publicationDate", ...}]}} */
    static int count(JsonNode list, Instant publishedBefore) {
        int unsettled = 0;
        for (JsonNode item : list.path("items")) {
            if (ORDER_PLACED.equals(item.path("eventType").asString())
                    && OffsetDateTime.parse(item.path("publicationDate").asString()).toInstant()
                            .isBefore(publishedBefore)) {
                unsettled++;
            }
        }
        return unsettled;
    }
}
