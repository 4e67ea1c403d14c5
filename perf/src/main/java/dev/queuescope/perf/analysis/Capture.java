package dev.queuescope.perf.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything a run captured about its measured window, as read from shop.jfr, metrics.jsonl and
 * latency.hlog — and nothing else (no run id, labs, settings, flags or logs). Times are epoch nanoseconds.
 *
 * @param eventTypes JFR event types the recording holds at least one event of
 * @param requests the generator's requests of the window
 * @param serverWork every request server threads served from shortly before the window to its end — warm-up's,
 *        probes', the window's: when the threads were busy
 * @param completedRequests requests the generator completed in the window (from the .hlog)
 * @param latencyP99Ms the generator's corrected p99 over the window (from the .hlog)
 * @param objectiveP99Ms the scenario's latency objective, when the summary states one
 * @param overObjective requests of the window that took longer than the objective (0 without one)
 * @param modules the service's application modules, as it published them (modules.json)
 */
record Capture(long fromNanos, long toNanos, Set<String> eventTypes, List<ServedRequest> requests,
        List<ServedRequest> serverWork, List<Acquire> acquires, List<Statement> statements, List<ThreadWait> threadWaits,
        List<Interval> gcPauses, List<CpuLoad> cpuLoad, List<PgSample> pgSamples, List<PgStatement> pgStatements,
        List<Completion> outbox, List<ExternalCall> externalCalls, List<StackSample> stackSamples, List<Allocation> allocations,
        List<Map<String, Double>> metrics, long completedRequests, double latencyP99Ms,
        @Nullable Double objectiveP99Ms, long overObjective, ModuleMap modules) {

    static final String SERVER_THREADS = "tomcat_threads_config_max_threads";

    /** The p99 against the objective, with the counts that say whether it missed by more than chance; null without one. */
    @Nullable ObjectiveCheck objectiveCheck() {
        return objectiveP99Ms == null ? null
                : new ObjectiveCheck(objectiveP99Ms, latencyP99Ms, completedRequests, overObjective);
    }

    double seconds() {
        return (toNanos - fromNanos) / 1e9;
    }

    boolean has(String eventType) {
        return eventTypes.contains(eventType);
    }

    /** The server's configured maximum of request threads, from its metrics; 0 when unknown. */
    int serverThreads() {
        return (int) metrics.stream().filter(r -> r.containsKey(SERVER_THREADS)).mapToDouble(r -> r.get(SERVER_THREADS))
                .max().orElse(0);
    }

    /** The connections the pool held at most (in use plus idle), from its metrics; 0 when unknown. */
    int poolConnections() {
        return (int) metrics.stream()
                .filter(r -> r.containsKey("hikaricp_connections_active") && r.containsKey("hikaricp_connections_idle"))
                .mapToDouble(r -> r.get("hikaricp_connections_active") + r.get("hikaricp_connections_idle"))
                .max().orElse(0);
    }

    /** The machine's CPU load (0..1) averaged over the samples; 0 without any. */
    double meanMachineCpu() {
        return cpuLoad.stream().mapToDouble(CpuLoad::machineTotal).average().orElse(0);
    }

    /** The JVM's share of the machine's CPU (0..1) averaged over the samples; 0 without any. */
    double meanJvmCpu() {
        return cpuLoad.stream().mapToDouble(CpuLoad::jvmTotal).average().orElse(0);
    }

    boolean hasMetric(String series) {
        return metrics.stream().anyMatch(row -> row.containsKey(series));
    }

    /** A request's thread got a pooled connection at {@code endNanos} after waiting {@code waitNanos}. */
    record Acquire(String requestId, long endNanos, long waitNanos) {

        long startNanos() {
            return endNanos - waitNanos;
        }
    }

    record Interval(long startNanos, long endNanos) {
        long overlap(long from, long to) {
            return Math.max(0, Math.min(to, endNanos) - Math.max(from, startNanos));
        }
    }

    /**
     * A jOOQ statement of a request (DbStatement) with the calling thread's CPU and run-queue delay
     * inside it (-1 when the service did not record them).
     */
    record Statement(String requestId, String digest, String sql, long startNanos, long durationNanos, long rows,
            long clientCpuNanos, long clientCpuWaitNanos) {

        /** The thread's time inside the statement on a CPU or waiting for one; 0 when not recorded. */
        long clientNanos() {
            return Math.max(0, clientCpuNanos) + Math.max(0, clientCpuWaitNanos);
        }
    }

    /** Why a thread was blocked, from JDK events (monitor enter, park, file write) with stack facts. */
    record ThreadWait(long threadId, long startNanos, long endNanos, Kind kind, String what, boolean logging,
            String frame) {

        /** A wait for a lock of the application's: a monitor, or a park on a {@code java.util.concurrent} lock. */
        boolean jvmLock() {
            return !logging && (kind == Kind.MONITOR
                    || kind == Kind.PARK && what.startsWith("java.util.concurrent.locks."));
        }

        enum Kind { MONITOR, PARK, FILE_WRITE }

        long nanos() {
            return endNanos - startNanos;
        }
    }

    record CpuLoad(long timeNanos, double machineTotal, double jvmTotal) {
    }

    /** One group of pg_stat_activity in a sample. */
    record PgSample(long timeNanos, String state, String waitType, String waitEvent, @Nullable String query,
            int backends) {
        boolean active() {
            return "active".equals(state);
        }

        boolean lockWait() {
            return active() && "Lock".equals(waitType);
        }

        /** Waiting inside the database for something other than a lock or the client (IO, LWLock, …). */
        boolean otherWait() {
            return active() && !"CPU".equals(waitType) && !"Lock".equals(waitType) && !"Client".equals(waitType);
        }
    }

    record PgStatement(String query, long calls, long execMicros, long rows, long blocksHit, long blocksRead) {
    }

    /** An outbox publication completed: when, how long after publication, for which listener. */
    /** A call to another service: on the wire for {@code durationNanos}, after waiting {@code waitedNanos}. */
    record ExternalCall(long startNanos, long durationNanos, long waitedNanos, String target, String outcome) {
    }

    record Completion(long timeNanos, long lagNanos, String eventType, String listener) {
    }

    /** An execution sample: the thread and its frames, innermost first (class.method); never none (CaptureReader). */
    record StackSample(long threadId, long timeNanos, List<String> frames) {
    }

    record Allocation(long threadId, long timeNanos, long weight, String frame) {
    }
}
