package dev.queuescope.perf.load;

/** One request in flight. Times are nanoseconds since the run started; touched only on the event loop. */
final class Exchange {

    final String endpoint;
    final long intendedNanos;
    final long dispatchedNanos;
    final boolean measured;
    /** When the pool handed the request a connection; until then, the dispatch time. */
    long connectedNanos;
    int status;

    Exchange(String endpoint, long intendedNanos, long dispatchedNanos, boolean measured) {
        this.endpoint = endpoint;
        this.intendedNanos = intendedNanos;
        this.dispatchedNanos = dispatchedNanos;
        this.measured = measured;
        this.connectedNanos = dispatchedNanos;
    }
}
