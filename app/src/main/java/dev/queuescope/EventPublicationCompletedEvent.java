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
 * A Spring Modulith event publication marked completed. Committed at completion without
 * begin/end (JFR duration 0); the time the event spent in the outbox is {@link #lagNanos}.
 */
@Name("queuescope.EventPublication")
@Label("Event Publication Completed")
@Description("An outbox publication completed by its listener; lagNanos = completion - publication date")
@Category({"Queuescope", "Outbox"})
@Enabled
@Threshold("0 ms")
@StackTrace(false)
class EventPublicationCompletedEvent extends Event {

    @Label("Event Type")
    @Description("Fully qualified class name of the published event")
    String eventType;

    @Label("Listener")
    @Description("Spring Modulith's target identifier of the listener that completed it")
    String listener;

    @Label("Publication Id")
    String publicationId;

    @Label("Lag")
    @Description("Completion date minus publication date")
    @Timespan(Timespan.NANOSECONDS)
    long lagNanos;
}
