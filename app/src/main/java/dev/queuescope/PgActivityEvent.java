package dev.queuescope;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * PostgreSQL sessions of the shop's database by state and wait event, four times a second: how many
 * backends were running, idle in a transaction, or waiting — and on what (Lock/transactionid,
 * IO/DataFileRead, LWLock/WALWrite, …). One event per distinct (state, wait, statement) in a sample, so a wait can be pinned to the statement
 * that waits.
 */
@Name("queuescope.PgActivity")
@Label("PostgreSQL Activity")
@Description("Backends of the shop's database grouped by state and wait event, sampled from pg_stat_activity")
@Category({"Queuescope", "Database", "PostgreSQL"})
@Enabled
@Period("250 ms")
@StackTrace(false)
class PgActivityEvent extends Event {

    @Label("State")
    String state;

    @Label("Wait Event Type")
    String waitEventType;

    @Label("Wait Event")
    String waitEvent;

    @Label("Backends")
    int backends;

    @Label("Query")
    @Description("First 1000 characters of the statement the backends run (active) or ran last (idle in transaction); "
            + "null for idle backends")
    String query;
}
