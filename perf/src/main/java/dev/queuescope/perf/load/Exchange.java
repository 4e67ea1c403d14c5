package dev.queuescope.perf.load;

/** One request in flight. Times are nanoseconds since the run started; touched only on the event loop. */
final class Exchange {

    final String endpoint;
    final long intendedNanos;
    final long dispatchedNanos;
    final boolean measured;
    /** Index of the plan's phase the intended start falls in; −1 in the warm-up. */
    final int phase;
    /** When the pool handed the request a connection; until then, the dispatch time. */
    long connectedNanos;
    int status;

    Exchange(String endpoint, long intendedNanos, long dispatchedNanos, int phase) {
        this.endpoint = endpoint;
        this.intendedNanos = intendedNanos;
        this.dispatchedNanos = dispatchedNanos;
        this.phase = phase;
        this.measured = phase >= 0;
        this.connectedNanos = dispatchedNanos;
    }
}
