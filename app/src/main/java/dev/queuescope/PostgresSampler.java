package dev.queuescope;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Samples PostgreSQL into JFR: sessions by state, wait event and statement four times a second
 * ({@link PgActivityEvent}: a lock wait of a few hundred ms must show up in a sample), and the top
 * statements' per-second deltas ({@link PgStatementEvent}) every fourth sample.
 *
 * <p>It uses a connection of its own, never one from the shop's pool: a sampler that queued for
 * the pool would disappear exactly when the pool is the queue. It runs only while a JFR recording
 * has these events enabled, so a shop nobody is recording pays nothing.
 */
@Component
class PostgresSampler {

    private static final Logger log = LogManager.getLogger(PostgresSampler.class);
    private static final int TOP_STATEMENTS = 20;
    private static final int STATEMENT_EVERY_NTH = 4;
    private static final String ACTIVITY = """
            select coalesce(state, 'unknown'), coalesce(wait_event_type, 'CPU'), coalesce(wait_event, 'running'),
                   case when state <> 'idle' then left(query, 1000) end, count(*)
            from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
            group by 1, 2, 3, 4""";
    private static final String STATEMENTS = """
            select s.queryid, left(s.query, 1000), s.calls, s.total_exec_time, s.rows, s.shared_blks_hit,
                   s.shared_blks_read
            from pg_stat_statements s join pg_database d on d.oid = s.dbid
            where d.datname = current_database()""";

    private record Totals(long calls, double execMillis, long rows, long hit, long read) {
    }

    private final HikariDataSource pool;
    private final Map<Long, Totals> previous = new HashMap<>();
    private Connection connection;
    private boolean statementsAvailable = true;
    private int tick;

    PostgresSampler(HikariDataSource pool) {
        this.pool = pool;
    }

    @PreDestroy
    void stop() {
        closeConnection();
    }

    @Scheduled(initialDelay = 250, fixedDelay = 250, timeUnit = TimeUnit.MILLISECONDS)
    void sample() {
        boolean activity = new PgActivityEvent().isEnabled();
        boolean statements = tick++ % STATEMENT_EVERY_NTH == 0 && statementsAvailable
                && new PgStatementEvent().isEnabled();
        if (!activity && !statements) {
            return;
        }
        try {
            Connection db = connection();
            if (activity) {
                sampleActivity(db);
            }
            if (statements) {
                sampleStatements(db);
            }
        } catch (SQLException e) {
            if (statements && "42P01".equals(e.getSQLState())) {
                statementsAvailable = false;
                log.info("pg_stat_statements is not installed; statement samples are off");
            } else {
                log.debug("PostgreSQL sample failed", e);
            }
            closeConnection();
        }
    }

    private void sampleActivity(Connection db) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(ACTIVITY)) {
            while (rows.next()) {
                PgActivityEvent event = new PgActivityEvent();
                event.state = rows.getString(1);
                event.waitEventType = rows.getString(2);
                event.waitEvent = rows.getString(3);
                event.query = rows.getString(4);
                event.backends = rows.getInt(5);
                event.commit();
            }
        }
    }

    /** Deltas since the previous sample; the first sample only sets the baseline. */
    private void sampleStatements(Connection db) throws SQLException {
        boolean baseline = previous.isEmpty();
        List<PgStatementEvent> changed = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(STATEMENTS)) {
            while (rows.next()) {
                long queryId = rows.getLong(1);
                Totals now = new Totals(rows.getLong(3), rows.getDouble(4), rows.getLong(5), rows.getLong(6),
                        rows.getLong(7));
                Totals before = previous.put(queryId, now);
                if (baseline || (before != null && before.calls() == now.calls())) {
                    continue;
                }
                Totals from = before == null ? new Totals(0, 0, 0, 0, 0) : before;
                PgStatementEvent event = new PgStatementEvent();
                event.queryId = queryId;
                event.query = rows.getString(2);
                event.calls = now.calls() - from.calls();
                event.execMicros = Math.round((now.execMillis() - from.execMillis()) * 1000);
                event.rows = now.rows() - from.rows();
                event.sharedBlocksHit = now.hit() - from.hit();
                event.sharedBlocksRead = now.read() - from.read();
                changed.add(event);
            }
        }
        changed.sort((a, b) -> Long.compare(b.execMicros, a.execMicros));
        changed.stream().limit(TOP_STATEMENTS).forEach(PgStatementEvent::commit);
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set application_name = 'queuescope-sampler'");
            }
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken; a new one is opened next second
            }
            connection = null;
        }
    }
}
