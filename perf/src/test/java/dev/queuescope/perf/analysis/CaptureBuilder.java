package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.CpuLoad;
import dev.queuescope.perf.analysis.Capture.Interval;
import dev.queuescope.perf.analysis.Capture.PgSample;
import dev.queuescope.perf.analysis.Capture.Statement;
import dev.queuescope.perf.analysis.Capture.ThreadWait;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A capture written by hand: a 30 s window starting at 0, times in ms, for rule and verdict tests. */
final class CaptureBuilder {

    static final long MS = 1_000_000L;
    static final long WINDOW = 30_000 * MS;

    private final Set<String> eventTypes = new HashSet<>(Set.of("queuescope.HttpRequest"));
    private final List<ServedRequest> requests = new ArrayList<>();
    private final List<Capture.Acquire> acquires = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();
    private final List<ThreadWait> waits = new ArrayList<>();
    private final List<Interval> pauses = new ArrayList<>();
    private final List<CpuLoad> cpu = new ArrayList<>();
    private final List<PgSample> pg = new ArrayList<>();
    private final List<Map<String, Double>> metrics = new ArrayList<>();
    private final List<Capture.ExternalCall> externalCalls = new ArrayList<>();
    private final List<Capture.StackSample> stackSamples = new ArrayList<>();
    private double p99 = 10;
    private Double objective = 25.0;
    private Long overObjective;

    /** A request intended at {@code atMs}, on a server thread from {@code startMs} for {@code serverMs}. */
    CaptureBuilder request(String id, long thread, double atMs, double startMs, double serverMs, double cpuMs) {
        requests.add(new ServedRequest(id, "/r", thread, ns(atMs), ns(startMs), ns(startMs + serverMs), ns(cpuMs), -1));
        return this;
    }

    /** A request on {@code route}, otherwise as {@link #request}. */
    CaptureBuilder requestOn(String route, String id, long thread, double atMs, double serverMs, double cpuMs) {
        requests.add(new ServedRequest(id, route, thread, ns(atMs), ns(atMs), ns(atMs + serverMs), ns(cpuMs), -1));
        return this;
    }

    /** A request whose service measured its run-queue delay. */
    CaptureBuilder requestWithCpuWait(String id, long thread, double serverMs, double cpuMs, double cpuWaitMs) {
        requests.add(new ServedRequest(id, "/r", thread, 0, 0, ns(serverMs), ns(cpuMs), ns(cpuWaitMs)));
        return this;
    }

    /** {@code count} requests one per 10 ms on their own threads, each served for {@code serverMs}. */
    CaptureBuilder steady(int count, double serverMs) {
        for (int i = 0; i < count; i++) {
            request("s" + i, 1000 + i, i * 10.0, i * 10.0, serverMs, serverMs / 2);
        }
        return this;
    }

    /** {@code count} requests spread evenly over the window, each waiting {@code poolWaitMs(i)} for a connection. */
    CaptureBuilder spread(int count, double serverMs, java.util.function.IntToDoubleFunction poolWaitMs) {
        double gap = 30_000.0 / count;
        for (int i = 0; i < count; i++) {
            double wait = poolWaitMs.applyAsDouble(i);
            request("p" + i, 2000 + i % 50, i * gap, i * gap, serverMs + wait, serverMs / 2);
            acquire("p" + i, wait);
        }
        return this;
    }

    /** The request got its connection after waiting {@code waitMs} from the start of its server time. */
    CaptureBuilder acquire(String id, double waitMs) {
        long start = requests.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().startNanos();
        return acquireAt(id, (start + ns(waitMs)) / (double) MS, waitMs);
    }

    /** The request got a connection at {@code atMs} after waiting {@code waitMs}. */
    CaptureBuilder acquireAt(String id, double atMs, double waitMs) {
        eventTypes.add("queuescope.ConnectionAcquire");
        acquires.add(new Capture.Acquire(id, ns(atMs), ns(waitMs)));
        return this;
    }

    CaptureBuilder statement(String id, String sql, double startMs, double ms) {
        eventTypes.add("queuescope.DbStatement");
        statements.add(new Statement(id, "d-" + sql.hashCode(), sql, ns(startMs), ns(ms), 1, -1, -1));
        return this;
    }

    /** A statement during which the calling thread ran {@code cpuMs} and waited {@code cpuWaitMs} for a core. */
    CaptureBuilder statement(String id, String sql, double startMs, double ms, double cpuMs, double cpuWaitMs) {
        eventTypes.add("queuescope.DbStatement");
        statements.add(new Statement(id, "d-" + sql.hashCode(), sql, ns(startMs), ns(ms), 1, ns(cpuMs), ns(cpuWaitMs)));
        return this;
    }

    CaptureBuilder threadWait(long thread, double startMs, double ms, ThreadWait.Kind kind, String what,
            boolean logging) {
        eventTypes.add(kind == ThreadWait.Kind.MONITOR ? "jdk.JavaMonitorEnter" : "jdk.ThreadPark");
        waits.add(new ThreadWait(thread, ns(startMs), ns(startMs + ms), kind, what, logging, "app.Frame.method"));
        return this;
    }

    /** A CPU sample of the thread at {@code atMs}, innermost frame first. */
    CaptureBuilder cpuSample(long thread, double atMs, String... frames) {
        eventTypes.add("jdk.ExecutionSample");
        stackSamples.add(new Capture.StackSample(thread, ns(atMs), List.of(frames)));
        return this;
    }

    CaptureBuilder gcPause(double startMs, double ms) {
        eventTypes.add("jdk.GCPhasePause");
        pauses.add(new Interval(ns(startMs), ns(startMs + ms)));
        return this;
    }

    CaptureBuilder machineCpu(double load) {
        return machineCpu(load, load / 2);
    }

    /** The machine's CPU at {@code load} every second, {@code jvm} of it the JVM's. */
    CaptureBuilder machineCpu(double load, double jvm) {
        eventTypes.add("jdk.CPULoad");
        for (int s = 1; s <= 30; s++) {
            cpu.add(new CpuLoad(s * 1000 * MS, load, jvm));
        }
        return this;
    }

    CaptureBuilder pgSample(double atMs, String state, String waitType, String query, int backends) {
        eventTypes.add("queuescope.PgActivity");
        pg.add(new PgSample(ns(atMs), state, waitType, "x", query, backends));
        return this;
    }

    /** A call to another service at {@code atMs}, on the wire for {@code ms} after waiting {@code waitedMs}. */
    CaptureBuilder externalCall(double atMs, double ms, double waitedMs) {
        eventTypes.add("queuescope.ExternalCall");
        externalCalls.add(new Capture.ExternalCall((long) (atMs * 1e6), (long) (ms * 1e6), (long) (waitedMs * 1e6),
                "payment-provider", "approved"));
        return this;
    }

    /** One metrics row per second with the series at the value. */
    CaptureBuilder metric(String series, double value) {
        return metric(series, second -> value);
    }

    /** One metrics row per second with the series at value(second). */
    CaptureBuilder metric(String series, java.util.function.IntToDoubleFunction value) {
        for (int s = 0; s < 30; s++) {
            if (metrics.size() <= s) {
                metrics.add(new LinkedHashMap<>(Map.of("t", (double) s * 1000)));
            }
            metrics.get(s).put(series, value.applyAsDouble(s));
        }
        return this;
    }

    CaptureBuilder p99(double ms) {
        this.p99 = ms;
        return this;
    }

    /** How many requests took longer than the objective; unset, all of them when p99 is over it, else none. */
    CaptureBuilder overObjective(long requests) {
        this.overObjective = requests;
        return this;
    }

    CaptureBuilder objective(Double ms) {
        this.objective = ms;
        return this;
    }

    Capture build() {
        return new Capture(0, WINDOW, eventTypes, requests, requests, acquires, statements, waits, pauses, cpu, pg, List.of(),
                List.of(), externalCalls, stackSamples, List.of(), metrics, requests.size(), p99, objective,
                overObjective != null ? overObjective : objective != null && p99 > objective ? requests.size() : 0,
                ModuleMap.none());
    }

    Ledger ledger() {
        return new Ledger(build(), LedgerSettings.DEFAULTS);
    }

    static long ns(double ms) {
        return Math.round(ms * MS);
    }
}
