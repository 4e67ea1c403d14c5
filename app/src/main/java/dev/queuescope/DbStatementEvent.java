package dev.queuescope;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;
import org.apache.logging.log4j.ThreadContext;

/**
 * One SQL statement executed through jOOQ, from jOOQ's {@code start} to its {@code end} callback:
 * rendering, connection acquisition (outside a transaction), execution and eager fetching — or a
 * transaction's commit, as the statement {@code COMMIT} ({@link CommitJfrListener}).
 */
@Name("queuescope.DbStatement")
@Label("DB Statement")
@Description("A SQL statement executed through jOOQ, or a transaction's COMMIT")
@Category({"Queuescope", "Database"})
@Enabled
@Threshold("0 ms")
@StackTrace(false)
class DbStatementEvent extends Event {

    @Label("Module")
    @Description("The first module schema the SQL names (catalog, inventory, orders, imports), else other")
    String module;

    @Label("Digest")
    @Description("Hex FNV-1a 64-bit hash of the SQL as jOOQ rendered it (binds are ?, so it is the statement's shape)")
    String digest;

    @Label("SQL Prefix")
    @Description("The first 1000 characters of the SQL")
    String sqlPrefix;

    @Label("Statement Type")
    @Description("select, insert, update, delete or other (from the SQL's first keyword)")
    String statementType;

    @Label("Rows")
    @Description("Rows fetched (eager fetches) or affected (DML); -1 when not known")
    long rows;

    @Label("Request Id")
    String requestId;

    @Label("Client CPU Time")
    @Description("CPU the calling thread used during the statement (jOOQ rendering, JDBC, mapping rows); -1 when unknown")
    @Timespan(Timespan.NANOSECONDS)
    long clientCpuTime;

    @Label("Client CPU Wait Time")
    @Description("Time the calling thread waited runnable for a CPU during the statement (schedstat); -1 when unknown")
    @Timespan(Timespan.NANOSECONDS)
    long clientCpuWaitTime;

    /** Fills in what the statement was and what its thread did during it, before {@link #commit()}. */
    void describe(SqlStatementShape shape, long rows, ThreadClocks before, ThreadClocks after) {
        module = shape.module();
        digest = shape.digest();
        sqlPrefix = shape.sqlPrefix();
        statementType = shape.statementType();
        this.rows = rows;
        requestId = ThreadContext.get(RequestIdFilter.CONTEXT_KEY);
        // The client's own share of the statement (rendering, binding, mapping rows, waiting for a core):
        // the rest of its time the thread waited for the database.
        clientCpuTime = after.cpuSince(before);
        clientCpuWaitTime = after.runQueueSince(before);
    }
}
