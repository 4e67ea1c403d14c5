package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** PostgreSQL's own view of the load, sampled into JFR while a recording wants it. */
@ShopHttpTest
class PostgresSamplerTests {

    @Autowired
    RestTestClient http;

    @Autowired
    HikariDataSource dataSource;

    @Test
    void sessionsAreSampledByStateAndWaitEvent() {
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.PgActivity")) {
            RecordedEvent sample = jfr.awaitFirst("queuescope.PgActivity", e -> e.getInt("backends") > 0);

            assertThat(sample.getString("state")).isNotBlank();
            assertThat(sample.getString("waitEventType")).isNotBlank();
        }
    }

    @Test
    void aBackendWaitingForALockIsSampledWithTheStatementThatWaits() throws Exception {
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.PgActivity");
                Connection holder = connect(); Connection waiter = connect();
                Statement holding = holder.createStatement()) {
            holding.execute("select pg_advisory_lock(4242)");
            Thread waiting = Thread.ofVirtual().start(() -> {
                try (Statement statement = waiter.createStatement()) {
                    statement.execute("select pg_advisory_lock(4242) /* sampled */");
                    statement.execute("select pg_advisory_unlock(4242)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                RecordedEvent sample = jfr.awaitFirst("queuescope.PgActivity",
                        e -> e.getString("query") != null && e.getString("query").contains("/* sampled */"));

                assertThat(sample.getString("state")).isEqualTo("active");
                assertThat(sample.getString("waitEventType")).isEqualTo("Lock");
            } finally {
                holding.execute("select pg_advisory_unlock(4242)");
                waiting.join();
            }
        }
    }

    @Test
    void theStatementsOfALoadAreSampledAsPerSecondDeltas() {
        ShopFixtures shop = new ShopFixtures(http);
        long categoryId = shop.category().id();
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.PgStatement")) {
            // A trickle of catalog writes (uncached, unlike reads), one per look, across one-second samples.
            RecordedEvent statement = jfr.awaitFirst("queuescope.PgStatement",
                    e -> e.getString("query").contains("catalog") && e.getLong("calls") > 0,
                    () -> shop.product(categoryId, 100));

            assertThat(statement.getLong("execMicros")).isNotNegative();
            assertThat(statement.getLong("queryId")).isNotZero();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }
}
