package dev.queuescope.perf.analysis;

import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Events with the names and fields of the shop's own (app/src/main/java/dev/queuescope/*Event.java),
 * so a test can write the recording a run would capture and analyse it blind.
 */
final class ShopEventsForTests {

    private ShopEventsForTests() {
    }

    @Name("queuescope.HttpRequest")
    @StackTrace(false)
    static class HttpRequest extends Event {
        String method = "GET";
        String route;
        String module = "catalog";
        int status = 200;
        String requestId;
        long cpuTime = -1;
        long intendedStartMicros;
    }

    @Name("queuescope.PgActivity")
    @StackTrace(false)
    static class PgActivity extends Event {
        String state = "active";
        String waitEventType = "CPU";
        String waitEvent = "running";
        int backends = 1;
        String query;
    }

    @Name("queuescope.ConnectionAcquire")
    @StackTrace(false)
    static class ConnectionAcquire extends Event {
        String poolName = "shop";
        long acquireNanos;
        String requestId;
    }

    @Name("queuescope.DbStatement")
    @StackTrace(false)
    static class DbStatement extends Event {
        String module = "catalog";
        String digest;
        String sqlPrefix;
        String statementType = "select";
        long rows = 1;
        String requestId;
    }

    /** What a lab event would look like; blinding must drop it. */
    @Name("queuescope.LabActive")
    @StackTrace(false)
    static class LabActive extends Event {
        String lab = "pool-starvation";
    }
}
