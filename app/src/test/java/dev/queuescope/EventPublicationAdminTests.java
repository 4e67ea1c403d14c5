package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.queuescope.orders.Order;
import dev.queuescope.orders.OrderManagement;
import dev.queuescope.orders.OrderStatus;
import dev.queuescope.payments.internal.provider.PaymentProviderStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** {@code /api/v1/admin/events}: the outbox's incomplete publications, and resubmitting the failed ones. */
@ShopHttpTest
class EventPublicationAdminTests {

    @Autowired
    RestTestClient http;

    @BeforeEach
    void asAdmin() {
        http = TestAccounts.admin(http);
    }

    @Autowired
    PaymentProviderStub provider;

    @Autowired
    OrderManagement orders;

    @Autowired
    DSLContext db;

    @AfterEach
    void providerUp() {
        provider.up();
    }

    @Test
    void aFailedPublicationIsListedAndResubmittingItDeliversIt() {
        provider.down();
        Order order = place(new ShopFixtures(http).stockedProduct(10).id());
        await().atMost(Duration.ofSeconds(10)).until(() -> failedPublicationOf(order) != null);
        String id = Objects.requireNonNull(failedPublicationOf(order));

        Map<String, Object> listed = incomplete().stream().filter(item -> id.equals(item.get("id"))).findFirst()
                .orElseThrow();
        assertThat(listed.get("eventType")).isEqualTo("dev.queuescope.orders.OrderPlaced");
        assertThat((String) listed.get("listenerId")).contains("OrderPlacedListener");
        assertThat(listed.get("publicationDate")).isNotNull();
        assertThat(listed.get("status")).isEqualTo("FAILED");

        provider.up();
        http.post().uri("/api/v1/admin/events/resubmit").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.resubmitted").value(Integer.class, n -> assertThat(n).isPositive());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> orders.find(order.id()).orElseThrow().status() == OrderStatus.PAID);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> incomplete().stream().noneMatch(item -> id.equals(item.get("id"))));
    }

    @Test
    void aLimitOutOfRangeIsAProblemNamingTheParameter() {
        http.get().uri("/api/v1/admin/events?limit=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> incomplete() {
        Map<String, Object> body = http.get().uri("/api/v1/admin/events?limit=1000").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) Objects.requireNonNull(body).get("items");
    }

    private String failedPublicationOf(Order order) {
        return db.select(org.jooq.impl.DSL.field("id::text", String.class)).from("event_publication")
                .where("status = 'FAILED' and listener_id like '%OrderPlacedListener%' and serialized_event like ?",
                        "%\"orderId\":" + order.id() + ",%")
                .fetchOne(0, String.class);
    }

    private Order place(long productId) {
        return Objects.requireNonNull(http.post().uri("/api/v1/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("items", List.of(Map.of("productId", productId, "quantity", 1))))
                .exchange().expectStatus().isCreated()
                .expectBody(Order.class).returnResult().getResponseBody());
    }
}
