package dev.queuescope;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is set.
 *
 * @param data the shop's data root ({@code QUEUESCOPE_DATA}); PostgreSQL's data directory is {@code <data>/pg}
 * @param port the port PostgreSQL listens on (0 picks a free one)
 * @param durable fsync and synchronous_commit on: committed rows survive a crash
 */
@ConfigurationProperties("queuescope.db.embedded")
public record EmbeddedPostgresProperties(@DefaultValue("./data") Path data,
        @DefaultValue("15432") int port, @DefaultValue("true") boolean durable) {

    Path dataDirectory() {
        return data.resolve("pg").toAbsolutePath().normalize();
    }
}
