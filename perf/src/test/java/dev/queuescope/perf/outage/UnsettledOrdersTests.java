package dev.queuescope.perf.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What counts as an unpaid order in the shop's list of incomplete publications. */
class UnsettledOrdersTests {

    /** As GET /api/v1/admin/events answers: oldest first. */
    private static final String INCOMPLETE = """
            {"items": [
              {"id": "0b5c2f56-1f43-4c7e-9d55-6a0d4d0f0001", "eventType": "dev.queuescope.orders.OrderPlaced",
               "listenerId": "dev.queuescope.payments.internal.OrderPlacedListener.on(dev.queuescope.orders.OrderPlaced)",
               "publicationDate": "2026-11-27T08:00:01.250+00:00", "status": "FAILED", "completionAttempts": 2,
               "lastResubmissionDate": "2026-11-27T08:00:20.000+00:00"},
              {"id": "0b5c2f56-1f43-4c7e-9d55-6a0d4d0f0002", "eventType": "dev.queuescope.catalog.ProductCreated",
               "listenerId": "dev.queuescope.inventory.internal.ProductCreatedListener.on(dev.queuescope.catalog.ProductCreated)",
               "publicationDate": "2026-11-27T08:00:02Z", "status": "FAILED", "completionAttempts": 1,
               "lastResubmissionDate": null},
              {"id": "0b5c2f56-1f43-4c7e-9d55-6a0d4d0f0003", "eventType": "dev.queuescope.orders.OrderPlaced",
               "listenerId": "dev.queuescope.payments.internal.OrderPlacedListener.on(dev.queuescope.orders.OrderPlaced)",
               "publicationDate": "2026-11-27T08:00:09.900Z", "status": "PROCESSING", "completionAttempts": 1,
               "lastResubmissionDate": null}
            ]}""";

    @Test
    void onlyOrderPlacementsPublishedBeforeTheCutOffCount() {
        var list = JsonMapper.builder().build().readTree(INCOMPLETE);

        assertThat(UnsettledOrders.count(list, Instant.parse("2026-11-27T08:00:00Z"))).isZero();
        assertThat(UnsettledOrders.count(list, Instant.parse("2026-11-27T08:00:05Z"))).isOne();
        assertThat(UnsettledOrders.count(list, Instant.parse("2026-11-27T08:01:00Z"))).isEqualTo(2);
    }

    @Test
    void anEmptyOutboxOwesNothing() {
        assertThat(UnsettledOrders.count(JsonMapper.builder().build().readTree("{\"items\":[]}"),
                Instant.parse("2026-11-27T08:01:00Z"))).isZero();
    }
}
