package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
            int waiterPid = backendPid(waiter);
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
                // Samples taken between the statement's arrival and its blocking rightly say it was running.
                Instant blocked = awaitBlockedOnALock(holder, waiterPid);
                RecordedEvent sample = jfr.awaitFirst("queuescope.PgActivity",
                        e -> e.getStartTime().isAfter(blocked)
                                && e.getString("query") != null && e.getString("query").contains("/* sampled */"));

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

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    private static Instant awaitBlockedOnALock(Connection observer, int pid) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (PreparedStatement statement = observer.prepareStatement(
                    "select wait_event_type = 'Lock' from pg_stat_activity where pid = ?")) {
                statement.setInt(1, pid);
                try (ResultSet waiting = statement.executeQuery()) {
                    return waiting.next() && waiting.getBoolean(1);
                }
            }
        });
        return Instant.now();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }
}
