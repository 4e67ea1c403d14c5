package dev.queuescope.perf.analysis;

import java.util.Arrays;

/**
 * The queue vocabulary: each is a resource a request can wait for and be served by. Request queues
 * sit on the request's path and take a share of its latency; backlogs hold work that runs after the
 * response (event listeners, calls made after commit), so they are judged by depth, age and growth.
 */
public enum Queue {
    HTTP_THREADS("http-threads", Kind.REQUEST),
    DB_POOL("db-pool", Kind.REQUEST),
    DB_STATEMENTS("db-statements", Kind.REQUEST),
    DB_LOCKS("db-locks", Kind.REQUEST),
    JVM_LOCKS("jvm-locks", Kind.REQUEST),
    GC("gc", Kind.REQUEST),
    LOGGING("logging", Kind.REQUEST),
    EXTERNAL_CALLS("external-calls", Kind.BACKLOG),
    EVENT_OUTBOX("event-outbox", Kind.BACKLOG),
    CPU("cpu", Kind.REQUEST);

    public enum Kind { REQUEST, BACKLOG }

    private final String label;
    private final Kind kind;

    Queue(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    static Queue ofLabel(String label) {
        return Arrays.stream(values()).filter(q -> q.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No queue " + label));
    }
}
