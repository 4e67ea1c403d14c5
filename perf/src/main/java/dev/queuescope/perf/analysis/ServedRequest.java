package dev.queuescope.perf.analysis;

/**
 * One generator request as the service recorded it: its time in the service and how much of it
 * was spent waiting for a pooled connection and running SQL (all nanoseconds).
 */
record ServedRequest(String requestId, String route, long durationNanos, long acquireNanos, long sqlNanos,
        int statements) {

    ServedRequest plus(long acquire, long sql, int statementCount) {
        return new ServedRequest(requestId, route, durationNanos, acquireNanos + acquire, sqlNanos + sql,
                statements + statementCount);
    }
}
