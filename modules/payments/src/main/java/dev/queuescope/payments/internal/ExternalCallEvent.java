package dev.queuescope.payments.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One request to another service (the perf kit's {@code external-calls} queue): its duration is
 * the call on the wire; {@code waited} is how long the work had waited for it first — for a slot
 * in the bulkhead, earlier attempts and their backoff.
 */
@Name("queuescope.ExternalCall")
@Label("External Call")
@Category({"Queuescope", "External"})
@Description("A call to another service, with the time its work waited before the call was sent")
@StackTrace(false)
class ExternalCallEvent extends Event {

    @Label("Target")
    String target;

    @Label("Attempt")
    int attempt;

    @Label("Outcome")
    @Description("HTTP status, or the exception when there was no answer")
    String outcome;

    @Label("Waited")
    @Timespan(Timespan.NANOSECONDS)
    long waited;
}
