package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The queue metrics the perf kit scrapes from {@code /actuator/prometheus} on the management port. */
@ShopHttpTest
class QueueMetricsTests {

    private static final Pattern ACQUIRE_COUNT =
            Pattern.compile("(?m)^hikaricp_connections_acquire_seconds_count\\{[^}]*pool=\"shop\"[^}]*} ([0-9.E+]+)$");

    @Autowired
    RestTestClient http;

    @LocalManagementPort
    int managementPort;

    @Test
    void hikariAcquireTimerStillCountsBesideTheJfrTracker() {
        double before = acquireCount(prometheus());

        http.get().uri("/api/v1/categories").exchange().expectStatus().isOk();

        assertThat(acquireCount(prometheus())).isGreaterThan(before);
    }

    @Test
    void prometheusExportsTheOutboxIncompleteGauge() {
        assertThat(prometheus()).containsPattern("(?m)^queuescope_outbox_incomplete\\{[^}]*} ");
    }

    @Test
    void prometheusExportsThePaymentProvidersQueues() {
        String metrics = prometheus();

        assertThat(metrics).containsPattern("(?m)^resilience4j_circuitbreaker_state\\{[^}]*name=\"payment-provider\"[^}]*} ")
                .containsPattern("(?m)^resilience4j_bulkhead_available_concurrent_calls\\{[^}]*name=\"payment-provider\"[^}]*} ")
                .containsPattern("(?m)^resilience4j_retry_calls_total\\{[^}]*name=\"payment-provider\"[^}]*} ")
                .containsPattern("(?m)^executor_queued_tasks\\{[^}]*name=\"paymentsExecutor\"[^}]*} ");
    }

    @Test
    void prometheusExportsTomcatBusyThreads() {
        assertThat(prometheus()).containsPattern("(?m)^tomcat_threads_busy_threads\\{[^}]*} ");
    }

    private static double acquireCount(String metrics) {
        Matcher matcher = ACQUIRE_COUNT.matcher(metrics);
        assertThat(matcher.find()).as("hikaricp_connections_acquire_seconds_count for pool shop").isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private String prometheus() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
