package dev.queuescope;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link EmbeddedPostgresTests}: starts PostgreSQL on a data directory the
 * way the shop does, says so, and waits to be killed with -9 — leaving the postmaster behind.
 */
public final class OrphanPostgres {

    private OrphanPostgres() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        System.out.println("started");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
