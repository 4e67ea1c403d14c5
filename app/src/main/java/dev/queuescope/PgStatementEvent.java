package dev.queuescope;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * What one statement (a pg_stat_statements entry) did in the last second: calls, execution time,
 * rows and buffers since the previous sample. Emitted for the statements that took the most time.
 */
@Name("queuescope.PgStatement")
@Label("PostgreSQL Statement")
@Description("Per-second delta of a pg_stat_statements entry (top statements by execution time)")
@Category({"Queuescope", "Database", "PostgreSQL"})
@Enabled
@StackTrace(false)
class PgStatementEvent extends Event {

    @Label("Query Id")
    long queryId;

    @Label("Query")
    @Description("The normalised statement, first 1000 characters")
    String query;

    @Label("Calls")
    long calls;

    @Label("Execution Time")
    @Timespan(Timespan.MICROSECONDS)
    long execMicros;

    @Label("Rows")
    long rows;

    @Label("Shared Blocks Hit")
    long sharedBlocksHit;

    @Label("Shared Blocks Read")
    long sharedBlocksRead;
}
