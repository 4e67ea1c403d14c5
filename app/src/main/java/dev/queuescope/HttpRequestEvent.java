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
 * One HTTP request as the shop served it; the perf kit joins it to the load generator's request by
 * {@link #requestId} and measures queueing before the server from {@link #intendedStartMicros}.
 * Its duration spans the filter chain below {@link HttpRequestJfrFilter}.
 */
@Name("queuescope.HttpRequest")
@Label("HTTP Request")
@Description("An HTTP request served by the shop, from just inside the access log to the response")
@Category({"Queuescope", "HTTP"})
@Enabled
@Threshold("0 ms")
@StackTrace(false)
class HttpRequestEvent extends Event {

    @Label("Method")
    String method;

    @Label("Route")
    @Description("The matched handler pattern, e.g. /api/v1/products/{id}; UNMATCHED when none matched")
    String route;

    @Label("Module")
    @Description("The application module of the handler (catalog, inventory, orders, imports), else other")
    String module;

    @Label("Status")
    int status;

    @Label("Request Id")
    String requestId;

    @Label("CPU Time")
    @Description("CPU the serving thread used during the request (thread CPU clock); -1 when the JVM cannot tell")
    @Timespan(Timespan.NANOSECONDS)
    long cpuTime;

    @Label("CPU Wait Time")
    @Description("Time the serving thread waited runnable for a CPU during the request (Linux schedstat run-queue delay); "
            + "-1 when the kernel does not tell")
    @Timespan(Timespan.NANOSECONDS)
    long cpuWaitTime;

    @Label("Intended Start (µs since epoch)")
    @Description("X-Queuescope-Intended-Start from the load generator; 0 when absent")
    long intendedStartMicros;
}
