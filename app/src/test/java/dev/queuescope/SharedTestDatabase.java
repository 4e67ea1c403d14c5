package dev.queuescope;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tests share ONE embedded PostgreSQL per test JVM (one initdb, not one per test class); every
 * Spring context gets a fresh database of its own on it, so contexts never see each other's rows.
 * The shop then runs exactly as against an external PostgreSQL ({@code spring.datasource.url}).
 *
 * <p>A test that wants the shop's own embedded server sets {@code queuescope.test.shared-db=false}.
 */
public class SharedTestDatabase implements EnvironmentPostProcessor {

    private static final AtomicInteger databases = new AtomicInteger();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // As if exported in the shell: application.yml reads it, a test's own properties still win.
        environment.getPropertySources().addLast(new MapPropertySource("testAdminPassword", Map.of(
                "QUEUESCOPE_ADMIN_PASSWORD", TestAccounts.ADMIN_PASSWORD)));
        if (!environment.getProperty("queuescope.test.shared-db", Boolean.class, true)) {
            return;
        }
        String database = "shop_test_" + databases.incrementAndGet();
        createDatabase(database);
        environment.getPropertySources().addFirst(new MapPropertySource("sharedTestDatabase", Map.of(
                "spring.datasource.url", server().getJdbcUrl("postgres", database),
                "spring.datasource.username", "postgres")));
    }

    /**
     * The server, started on first use. It stops (and its files go) after every Spring context in the JVM has
     * closed: as a JVM hook of its own it ran beside Boot's, and each context's event publication registry,
     * which reads the incomplete publications as it closes, then waited its pool's connection timeout for a
     * server already gone — the test JVM outlived its exit by 30 s, and surefire killed it.
     */
    public static EmbeddedPostgres server() {
        return Holder.SERVER;
    }

    private static void createDatabase(String name) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
    }

    private static final class Holder {

        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("max_connections", "300")
                        .setRegisterShutdownHook(false)
                        .start();
                SpringApplication.getShutdownHandlers().add(() -> stop(server));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void stop(EmbeddedPostgres server) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
