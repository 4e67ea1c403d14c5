package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
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
    void aWaitingBackendIsSampledWithTheStatementItWaitsIn() throws Exception {
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.PgActivity");
                Connection sleeper = DriverManager.getConnection(
                        dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword())) {
            Thread sleeping = Thread.ofVirtual().start(() -> {
                try (Statement statement = sleeper.createStatement()) {
                    statement.execute("select pg_sleep(2) /* sampled */");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            RecordedEvent sample = jfr.awaitFirst("queuescope.PgActivity",
                    e -> e.getString("query") != null && e.getString("query").contains("/* sampled */"));

            assertThat(sample.getString("state")).isEqualTo("active");
            assertThat(sample.getString("waitEvent")).isEqualTo("PgSleep");
            sleeping.join();
        }
    }

    @Test
    void theStatementsOfALoadAreSampledAsPerSecondDeltas() throws InterruptedException {
        ShopFixtures shop = new ShopFixtures(http);
        long categoryId = shop.category().id();
        AtomicBoolean loading = new AtomicBoolean(true);
        // A trickle of catalog writes (uncached, unlike reads) across several one-second samples.
        Thread load = Thread.ofVirtual().start(() -> {
            while (loading.get()) {
                shop.product(categoryId, 100);
                LockSupport.parkNanos(100_000_000L);
            }
        });
        try (JfrEventCollector jfr = new JfrEventCollector("queuescope.PgStatement")) {
            RecordedEvent statement = jfr.awaitFirst("queuescope.PgStatement",
                    e -> e.getString("query").contains("catalog") && e.getLong("calls") > 0);

            assertThat(statement.getLong("execMicros")).isNotNegative();
            assertThat(statement.getLong("queryId")).isNotZero();
        } finally {
            loading.set(false);
            load.join();
        }
    }
}
