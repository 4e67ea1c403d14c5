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

/**
 * A connection handed out by a Hikari pool. Hikari reports the wait only after it is over, so the
 * event is committed without begin/end: its start time is the moment the connection was handed out
 * (JFR duration 0) and {@link #acquireNanos} is how long the caller waited before that.
 */
@Name("queuescope.ConnectionAcquire")
@Label("Connection Acquire")
@Description("A JDBC connection taken from a Hikari pool; the wait is in acquireNanos, not in the duration")
@Category({"Queuescope", "Database"})
@Enabled
@Threshold("0 ms")
@StackTrace(false)
class ConnectionAcquireEvent extends Event {

    @Label("Pool")
    String poolName;

    @Label("Acquire Time")
    @Description("Time waited for the connection, as Hikari measured it")
    @Timespan(Timespan.NANOSECONDS)
    long acquireNanos;

    @Label("Request Id")
    String requestId;
}
