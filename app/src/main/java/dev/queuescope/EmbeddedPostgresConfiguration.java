package dev.queuescope;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the shop unless {@code spring.datasource.url} points elsewhere.
 *
 * <p>Two beans in this order, so shutdown runs in reverse: the pool closes, then PostgreSQL stops
 * (zonky's own shutdown hook is off; it would stop PostgreSQL before the pool and hang shutdown).
 * The data directory persists ({@code setCleanDataDirectory(false)}); a postmaster left running by
 * a JVM that was killed hard is stopped first, then PostgreSQL recovers from its WAL on start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LogManager.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        var dataDirectory = properties.dataDirectory();
        Files.createDirectories(dataDirectory);
        StalePostmaster.stopIfRunning(dataDirectory);
        String durable = properties.durable() ? "on" : "off";
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(properties.port())
                // zonky passes -F (fsync off); these -c options come after it and win.
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("track_io_timing", "on")
                .setServerConfig("max_connections", "100")
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {} (fsync={})", postgres.getPort(), dataDirectory,
                durable);
        return postgres;
    }

    /** Hikari, configured from {@code spring.datasource.hikari.*} like Boot's own pool would be. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        return dataSource;
    }
}
