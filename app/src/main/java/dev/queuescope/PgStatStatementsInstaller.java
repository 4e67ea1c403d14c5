package dev.queuescope;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.jooq.DSLContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Creates the pg_stat_statements extension the perf kit reads top statements from. The embedded
 * server preloads the library; an external database may not, or may refuse the extension to our
 * role: then the shop says so once and runs on without it.
 */
@Component
class PgStatStatementsInstaller {

    private static final Logger log = LogManager.getLogger(PgStatStatementsInstaller.class);

    private final DSLContext db;

    PgStatStatementsInstaller(DSLContext db) {
        this.db = db;
    }

    @EventListener(ApplicationReadyEvent.class)
    void install() {
        try {
            db.execute("create extension if not exists pg_stat_statements");
            db.fetch("select 1 from pg_stat_statements limit 1");
            log.info("pg_stat_statements is available");
        } catch (DataAccessException e) {
            log.warn("pg_stat_statements is not available ({}); statement statistics will be missing",
                    e.getMostSpecificCause().getMessage());
        }
    }
}
