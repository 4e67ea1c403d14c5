package dev.queuescope;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.apache.logging.log4j.ThreadContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Result;

/**
 * Times one jOOQ execution as a {@code queuescope.DbStatement} JFR event. jOOQ asks
 * {@link DbStatementJfrListenerProvider} for a fresh listener per execution, so the event can live
 * in a field; the request id is read on the calling thread, where {@link RequestIdFilter} put it.
 */
final class DbStatementJfrListener implements ExecuteListener {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final DbStatementEvent event = new DbStatementEvent();
    private long cpuBefore;
    private long runQueueBefore;

    @Override
    public void start(ExecuteContext ctx) {
        if (event.isEnabled()) {
            cpuBefore = THREADS.getCurrentThreadCpuTime();
            runQueueBefore = RunQueueClock.waitedNanos();
            event.begin();
        }
    }

    @Override
    public void end(ExecuteContext ctx) {
        if (!event.isEnabled()) {
            return;
        }
        event.end();
        long cpuAfter = THREADS.getCurrentThreadCpuTime();
        long runQueueAfter = RunQueueClock.waitedNanos();
        String sql = ctx.sql();
        if (sql == null || !event.shouldCommit()) {
            return; // nothing was rendered (e.g. a batch of inline statements): no shape to report
        }
        SqlStatementShape shape = SqlStatementShape.of(sql);
        event.module = shape.module();
        event.digest = shape.digest();
        event.sqlPrefix = shape.sqlPrefix();
        event.statementType = shape.statementType();
        event.rows = rows(ctx);
        event.requestId = ThreadContext.get(RequestIdFilter.CONTEXT_KEY);
        // The client's own share of the statement (rendering, binding, mapping rows, waiting for a core):
        // the rest of its time the thread waited for the database.
        event.clientCpuTime = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        event.clientCpuWaitTime = runQueueBefore < 0 || runQueueAfter < 0 ? -1 : runQueueAfter - runQueueBefore;
        event.commit();
    }

    /** Fetched rows when jOOQ fetched eagerly, else affected rows (jOOQ leaves -1 when unknown). */
    private static long rows(ExecuteContext ctx) {
        Result<?> result = ctx.result();
        return result != null ? result.size() : ctx.rowsLarge();
    }
}
