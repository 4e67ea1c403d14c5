package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What operators and tools rely on: request ids in logs, actuator on its own port, OpenAPI. */
@ShopHttpTest
class OperationsTests {

    /** Collects access-log events (the appender runs on the async logger's thread). */
    static final class CollectingAppender extends AbstractAppender {

        final List<LogEvent> events = new CopyOnWriteArrayList<>();

        CollectingAppender() {
            super("collecting", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            events.add(event.toImmutable());
        }
    }

    @Autowired
    RestTestClient http;

    @LocalManagementPort
    int managementPort;

    @Test
    void everyResponseCarriesARequestIdAndKeepsTheCallersOwn() {
        http.get().uri("/api/v1/categories").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).hasSizeGreaterThan(8));
        http.get().uri("/api/v1/categories").header("X-Request-Id", "caller-chosen-1").exchange()
                .expectHeader().valueEquals("X-Request-Id", "caller-chosen-1");
    }

    @Test
    void theAccessLogLineOfARequestCarriesItsRequestId() {
        CollectingAppender appender = new CollectingAppender();
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig access = context.getConfiguration().getLoggerConfig("access");
        access.addAppender(appender, Level.INFO, null);
        context.updateLoggers();
        try {
            http.get().uri("/api/v1/categories").header("X-Request-Id", "access-log-proof").exchange()
                    .expectStatus().isOk();

            await().until(() -> appender.events.stream()
                    .anyMatch(e -> "access-log-proof".equals(e.getContextData().getValue("requestId"))));
            LogEvent line = appender.events.stream()
                    .filter(e -> "access-log-proof".equals(e.getContextData().getValue("requestId")))
                    .findFirst().orElseThrow();
            assertThat(line.getMessage().getFormattedMessage()).startsWith("GET /api/v1/categories 200 ");
        } finally {
            access.removeAppender("collecting");
            context.updateLoggers();
        }
    }

    @Test
    void healthHasLivenessAndReadinessOnTheManagementPort() {
        management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void prometheusExportsPoolRequestAndLoggingQueueMetrics() {
        http.get().uri("/api/v1/categories").exchange().expectStatus().isOk();

        String metrics = management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("hikaricp_connections_pending", "http_server_requests_seconds_count",
                "log4j2_ringbuffer_remaining", "cache_gets_total");
    }

    @Test
    void theLoggingQueueGaugeStillReadsAfterAGarbageCollection() {
        System.gc();

        String metrics = management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics.lines().filter(line -> line.startsWith("log4j2_ringbuffer_remaining")))
                .singleElement().asString().doesNotContain("NaN").endsWith(".0");
    }

    @Test
    void theApiIsServedOnTheShopPortOnly() {
        TestAccounts.admin(http).get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }

    @Test
    void openApiDescribesTheEndpoints() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/orders']").exists()
                .jsonPath("$.paths['/api/v1/products/{id}']").exists();
    }

    private RestTestClient management() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }
}
