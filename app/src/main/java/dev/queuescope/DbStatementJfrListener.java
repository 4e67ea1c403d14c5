package dev.queuescope;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Result;

/**
 * Times one jOOQ execution as a {@code queuescope.DbStatement} JFR event. jOOQ asks
 * {@link DbStatementJfrListenerProvider} for a fresh listener per execution, so the event can live
 * in a field; the request id is read on the calling thread, where {@link RequestIdFilter} put it.
 */
final class DbStatementJfrListener implements ExecuteListener {

    private final DbStatementEvent event = new DbStatementEvent();
    private ThreadClocks before = new ThreadClocks(-1, -1);

    @Override
    public void start(ExecuteContext ctx) {
        if (event.isEnabled()) {
            before = ThreadClocks.now();
            event.begin();
        }
    }

    @Override
    public void end(ExecuteContext ctx) {
        if (!event.isEnabled()) {
            return;
        }
        event.end();
        ThreadClocks after = ThreadClocks.now();
        String sql = ctx.sql();
        if (sql == null || !event.shouldCommit()) {
            return; // nothing was rendered (e.g. a batch of inline statements): no shape to report
        }
        event.describe(SqlStatementShape.of(sql), rows(ctx), before, after);
        event.commit();
    }

    /** Fetched rows when jOOQ fetched eagerly, else affected rows (jOOQ leaves -1 when unknown). */
    private static long rows(ExecuteContext ctx) {
        Result<?> result = ctx.result();
        return result != null ? result.size() : ctx.rowsLarge();
    }
}
