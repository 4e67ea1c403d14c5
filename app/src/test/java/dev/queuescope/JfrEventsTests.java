package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.catalog.Product;
import dev.queuescope.catalog.ProductCreated;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The shop's own JFR events as the perf kit records them, mostly for a product read sent like the load generator does. */
@ShopHttpTest
class JfrEventsTests {

    private static final String RUN = "jfr-run";
    private static final long INTENDED_START_MICROS = 1_790_000_000_123_456L;

    @Autowired
    RestTestClient http;

    @Test
    void aProductReadIsRecordedAsAnHttpRequestWithRouteModuleRequestIdAndIntendedStart() {
        Product product = aProduct();
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.HttpRequest")) {
            readAsTheLoadGenerator(product, RUN + "-1");

            RecordedEvent request = jfr.awaitFirst("queuescope.HttpRequest", e -> hasRequestId(e, RUN + "-1"));

            assertThat(request.getString("method")).isEqualTo("GET");
            assertThat(request.getString("route")).isEqualTo("/api/v1/products/{id}");
            assertThat(request.getString("module")).isEqualTo("catalog");
            assertThat(request.getInt("status")).isEqualTo(200);
            assertThat(request.getLong("intendedStartMicros")).isEqualTo(INTENDED_START_MICROS);
            assertThat(request.getDuration()).isPositive();
            assertThat(request.getStackTrace()).isNull();
        }
    }

    @Test
    void aRequestRecordsTheCpuItsThreadUsedAndWaitedForNoMoreThanItsDuration() {
        Product product = aProduct();
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.HttpRequest")) {
            readAsTheLoadGenerator(product, RUN + "-cpu");

            RecordedEvent request = jfr.awaitFirst("queuescope.HttpRequest", e -> hasRequestId(e, RUN + "-cpu"));

            assertThat(request.getLong("cpuTime")).isPositive()
                    .isLessThanOrEqualTo(request.getDuration().toNanos());
            assertThat(request.getLong("cpuWaitTime")).isNotNegative()
                    .isLessThanOrEqualTo(request.getDuration().toNanos());
        }
    }

    @Test
    void anUnknownPathIsRecordedUnderTheCatchAllRouteWithoutModuleOrIntendedStart() {
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.HttpRequest")) {
            // Anonymous, an unknown path is a 401 like any path that is not open: paths are not revealed.
            TestAccounts.admin(http).get().uri("/no/such/path").header("X-Request-Id", RUN + "-2").exchange()
                    .expectStatus().isNotFound();

            RecordedEvent request = jfr.awaitFirst("queuescope.HttpRequest", e -> hasRequestId(e, RUN + "-2"));

            // Spring's static-resource handler matches every path and answers 404 for unknown ones.
            assertThat(request.getString("route")).isEqualTo("/**");
            assertThat(request.getString("module")).isEqualTo("other");
            assertThat(request.getInt("status")).isEqualTo(404);
            assertThat(request.getLong("intendedStartMicros")).isZero();
        }
    }

    @Test
    void aMethodNoRouteAllowsIsRecordedAsUnmatched() {
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.HttpRequest")) {
            TestAccounts.admin(http).patch().uri("/api/v1/categories").header("X-Request-Id", RUN + "-5").exchange()
                    .expectStatus().isEqualTo(405);

            RecordedEvent request = jfr.awaitFirst("queuescope.HttpRequest", e -> hasRequestId(e, RUN + "-5"));

            assertThat(request.getString("route")).isEqualTo("UNMATCHED");
            assertThat(request.getString("module")).isEqualTo("other");
            assertThat(request.getInt("status")).isEqualTo(405);
        }
    }

    @Test
    void aProductReadRecordsItsCatalogSqlWithTheRequestId() {
        Product product = aProduct();
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.DbStatement")) {
            readAsTheLoadGenerator(product, RUN + "-3");

            RecordedEvent statement = jfr.awaitFirst("queuescope.DbStatement", e -> hasRequestId(e, RUN + "-3"));

            assertThat(statement.getString("module")).isEqualTo("catalog");
            assertThat(statement.getString("statementType")).isEqualTo("select");
            assertThat(statement.getString("digest")).matches("[0-9a-f]{16}");
            assertThat(statement.getString("sqlPrefix")).contains("\"catalog\".");
            assertThat(statement.getLong("rows")).as("rows fetched").isEqualTo(1);
            assertThat(statement.getStackTrace()).isNull();
        }
    }

    @Test
    void aWritesCommitIsRecordedAsTheStatementCommitWithItsRequestId() {
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.DbStatement")) {
            ShopFixtures fixtures = new ShopFixtures(http);
            fixtures.category();

            RecordedEvent commit = jfr.awaitFirst("queuescope.DbStatement",
                    e -> "COMMIT".equals(e.getString("sqlPrefix")) && e.getString("requestId") != null);

            assertThat(commit.getString("statementType")).isEqualTo("other");
            assertThat(commit.getString("digest")).matches("[0-9a-f]{16}");
            assertThat(commit.getDuration()).isPositive();
            assertThat(commit.getLong("clientCpuTime")).isNotNegative();
        }
    }

    @Test
    void aProductReadRecordsTheConnectionAcquireFromTheShopPool() {
        Product product = aProduct();
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.ConnectionAcquire")) {
            readAsTheLoadGenerator(product, RUN + "-4");

            RecordedEvent acquire = jfr.awaitFirst("queuescope.ConnectionAcquire", e -> hasRequestId(e, RUN + "-4"));

            assertThat(acquire.getString("poolName")).isEqualTo("shop");
            assertThat(acquire.getLong("acquireNanos")).isNotNegative();
        }
    }

    @Test
    void aCompletedOutboxPublicationIsRecordedWithItsLag() {
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.EventPublication")) {
            aProduct();

            RecordedEvent completed = jfr.awaitFirst("queuescope.EventPublication",
                    e -> e.getString("eventType").equals(ProductCreated.class.getName())
                            && e.getString("listener").contains("ProductCreatedListener"));

            assertThat(completed.getString("publicationId")).isNotBlank();
            assertThat(completed.getLong("lagNanos")).isNotNegative();
        }
    }

    private Product aProduct() {
        ShopFixtures fixtures = new ShopFixtures(http);
        return fixtures.product(fixtures.category().id(), 1_000);
    }

    private void readAsTheLoadGenerator(Product product, String requestId) {
        http.get().uri("/api/v1/products/{id}", product.id())
                .header("X-Request-Id", requestId)
                .header("X-Queuescope-Run", RUN)
                .header("X-Queuescope-Intended-Start", Long.toString(INTENDED_START_MICROS))
                .exchange()
                .expectStatus().isOk();
    }

    private static boolean hasRequestId(RecordedEvent event, String requestId) {
        return requestId.equals(event.getString("requestId"));
    }
}
