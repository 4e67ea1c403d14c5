package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.Allocation;
import dev.queuescope.perf.analysis.Capture.Completion;
import dev.queuescope.perf.analysis.Capture.CpuLoad;
import dev.queuescope.perf.analysis.Capture.Interval;
import dev.queuescope.perf.analysis.Capture.PgSample;
import dev.queuescope.perf.analysis.Capture.PgStatement;
import dev.queuescope.perf.analysis.Capture.StackSample;
import dev.queuescope.perf.analysis.Capture.Statement;
import dev.queuescope.perf.analysis.Capture.ThreadWait;
import dev.queuescope.perf.run.MetricsSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a run directory's captured data into a {@link Capture} of its measured window: the window,
 * request count and p99 from latency.hlog, the samples of metrics.jsonl, and the events of
 * shop.jfr (the shop's own and the JDK's). A missing file leaves its sources unobserved.
 */
final class CaptureReader {

    /** Deep enough to reach the application frame under a driver's socket read. */
    private static final int FRAMES = 64;

    /** How far before the window the threads' busy timeline starts: a queue the warm-up left is still a queue. */
    private static final long SERVER_WORK_LEAD_NANOS = 5_000_000_000L;

    private final long from;
    private final long to;
    private final Set<String> eventTypes = new HashSet<>();
    private final List<ServedRequest> requests = new ArrayList<>();
    private final List<ServedRequest> serverWork = new ArrayList<>();
    private final List<Capture.Acquire> acquires = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();
    private final List<ThreadWait> waits = new ArrayList<>();
    private final List<Interval> gcPauses = new ArrayList<>();
    private final List<CpuLoad> cpuLoad = new ArrayList<>();
    private final List<PgSample> pgSamples = new ArrayList<>();
    private final List<PgStatement> pgStatements = new ArrayList<>();
    private final List<Completion> outbox = new ArrayList<>();
    private final List<Capture.ExternalCall> externalCalls = new ArrayList<>();
    private final List<StackSample> stackSamples = new ArrayList<>();
    private final List<Allocation> allocations = new ArrayList<>();

    private CaptureReader(long from, long to) {
        this.from = from;
        this.to = to;
    }

    static Capture read(Path run) throws IOException {
        Histogram all = null;
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        HistogramLogReader hlog = new HistogramLogReader(run.resolve("latency.hlog").toFile());
        EncodableHistogram interval;
        while ((interval = hlog.nextIntervalHistogram()) != null) {
            from = Math.min(from, interval.getStartTimeStamp());
            to = Math.max(to, interval.getEndTimeStamp());
            if (interval instanceof Histogram h) {
                if (all == null) {
                    all = new Histogram(h.getNumberOfSignificantValueDigits());
                }
                all.add(h);
            }
        }
        hlog.close();
        if (all == null) {
            throw new IOException("No intervals in " + run.resolve("latency.hlog") + ": nothing was measured");
        }
        CaptureReader reader = new CaptureReader(from * 1_000_000, to * 1_000_000);
        Path jfr = run.resolve("shop.jfr");
        if (Files.exists(jfr)) {
            reader.readJfr(jfr);
        }
        List<Map<String, Double>> metrics = MetricsSampler.read(run.resolve("metrics.jsonl")).stream()
                .filter(row -> row.containsKey("t") && row.get("t") * 1e6 >= reader.from && row.get("t") * 1e6 < reader.to)
                .toList();
        @Nullable Double objective = objective(run.resolve("summary.json"));
        // The histogram holds microseconds.
        long overObjective = objective == null ? 0
                : all.getTotalCount() - all.getCountBetweenValues(0, Math.round(objective * 1000));
        return new Capture(reader.from, reader.to, reader.eventTypes, reader.requests, reader.serverWork,
                reader.acquires,
                reader.statements, reader.waits, reader.gcPauses, reader.cpuLoad, reader.pgSamples,
                reader.pgStatements, reader.outbox, reader.externalCalls, reader.stackSamples, reader.allocations, metrics,
                all.getTotalCount(), all.getValueAtPercentile(99) / 1000.0, objective, overObjective,
                ModuleMap.read(run.resolve("modules.json")));
    }

    /** The scenario's objective is the one setting analysis may read: it defines what "missed" means. */
    private static @Nullable Double objective(Path summary) throws IOException {
        if (!Files.exists(summary)) {
            return null;
        }
        JsonNode objective = JsonMapper.builder().build().readTree(summary.toFile()).at("/run/objectiveP99Ms");
        return objective.isNumber() ? objective.asDouble() : null;
    }

    private void readJfr(Path jfr) throws IOException {
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                long start = nanos(event.getStartTime());
                long end = nanos(event.getEndTime());
                String type = event.getEventType().getName();
                if (type.equals("queuescope.HttpRequest")) {
                    eventTypes.add(type);
                    request(served(event, start, end));
                    continue;
                }
                // Waits that started in warm-up still count when they end inside the window.
                if (end < from || start >= to) {
                    if (type.equals("queuescope.EventPublication")) {
                        eventTypes.add(type);
                    }
                    continue;
                }
                eventTypes.add(type);
                read(type, event, start, end);
            }
        }
    }

    private void read(String type, RecordedEvent event, long start, long end) {
        switch (type) {
            case "queuescope.ConnectionAcquire" -> {
                String id = event.getString("requestId");
                if (id != null) {
                    acquires.add(new Capture.Acquire(id, end, event.getLong("acquireNanos")));
                }
            }
            case "queuescope.DbStatement" -> statements.add(new Statement(orEmpty(event.getString("requestId")),
                    event.getString("digest"), orEmpty(event.getString("sqlPrefix")), start, end - start,
                    event.getLong("rows"), orUnknown(event, "clientCpuTime"), orUnknown(event, "clientCpuWaitTime")));
            case "jdk.JavaMonitorEnter" -> waits.add(new ThreadWait(thread(event.getThread()), start, end,
                    ThreadWait.Kind.MONITOR, className(event.getClass("monitorClass")), logging(event), frame(event)));
            case "jdk.ThreadPark" -> waits.add(new ThreadWait(thread(event.getThread()), start, end,
                    ThreadWait.Kind.PARK, className(event.getClass("parkedClass")), logging(event), frame(event)));
            case "jdk.FileWrite", "jdk.FileForce" -> waits.add(new ThreadWait(thread(event.getThread()), start, end,
                    ThreadWait.Kind.FILE_WRITE, orEmpty(event.getString("path")), logging(event), frame(event)));
            case "jdk.GCPhasePause" -> gcPauses.add(new Interval(start, end));
            case "jdk.CPULoad" -> cpuLoad.add(new CpuLoad(start, event.getFloat("machineTotal"),
                    event.getFloat("jvmUser") + event.getFloat("jvmSystem")));
            case "queuescope.PgActivity" -> pgSamples.add(new PgSample(start, event.getString("state"),
                    event.getString("waitEventType"), event.getString("waitEvent"),
                    event.hasField("query") ? event.getString("query") : null, event.getInt("backends")));
            case "queuescope.PgStatement" -> pgStatements.add(new PgStatement(orEmpty(event.getString("query")),
                    event.getLong("calls"), event.getLong("execMicros"), event.getLong("rows"),
                    event.getLong("sharedBlocksHit"), event.getLong("sharedBlocksRead")));
            case "queuescope.EventPublication" -> outbox.add(new Completion(start, event.getLong("lagNanos"),
                    orEmpty(event.getString("eventType")), orEmpty(event.getString("listener"))));
            case "queuescope.ExternalCall" -> externalCalls.add(new Capture.ExternalCall(start, end - start,
                    event.getLong("waited"), orEmpty(event.getString("target")), orEmpty(event.getString("outcome"))));
            case "jdk.ExecutionSample" -> executionSample(event, start);
            case "jdk.ObjectAllocationSample" -> allocations.add(new Allocation(thread(event.getThread()), start,
                    event.getLong("weight"), frame(event)));
            default -> {
                // not a source of any rule
            }
        }
    }

    /**
     * Every request a server thread served around the window goes to the threads' busy timeline; only
     * the generator's requests of the measured window are measured (warm-up and probes carry no or
     * earlier intended starts).
     */
    private void request(ServedRequest request) {
        if (request.endNanos() >= from - SERVER_WORK_LEAD_NANOS && request.startNanos() < to) {
            serverWork.add(request);
        }
        long intended = request.intendedNanos();
        if (intended > 0 && intended >= from && intended < to && request.startNanos() < to) {
            requests.add(request);
        }
    }

    private static ServedRequest served(RecordedEvent event, long start, long end) {
        return new ServedRequest(event.getString("requestId"), orEmpty(event.getString("route")),
                thread(event.getThread()), event.getLong("intendedStartMicros") * 1_000, start, end,
                orUnknown(event, "cpuTime"), orUnknown(event, "cpuWaitTime"));
    }

    /** A field that older recordings do not have: -1, unknown. */
    private static long orUnknown(RecordedEvent event, String field) {
        return event.hasField(field) ? event.getLong(field) : -1;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static long thread(@Nullable RecordedThread thread) {
        return thread == null ? -1 : thread.getJavaThreadId();
    }

    private static String className(@Nullable RecordedClass type) {
        return type == null ? "" : type.getName();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** Whether the wait happened inside logging code: the logging queue, not a lock of the application's. */
    private static boolean logging(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
            return false;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (LoggingCode.isLogging(frame.getMethod().getType().getName())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost frame outside the JDK (where the application asked for the wait), else the innermost. */
    private static String frame(RecordedEvent event) {
        List<String> frames = frames(event.getStackTrace());
        return frames.stream().filter(f -> !f.startsWith("java.") && !f.startsWith("jdk.") && !f.startsWith("sun."))
                .findFirst().orElse(frames.isEmpty() ? "" : frames.getFirst());
    }

    /** A sample without a stack (JFR could not walk it) says nothing about where the thread was: left out. */
    private void executionSample(RecordedEvent event, long start) {
        List<String> frames = frames(event.getStackTrace());
        if (!frames.isEmpty()) {
            stackSamples.add(new StackSample(thread(event.getThread("sampledThread")), start, frames));
        }
    }

    private static List<String> frames(@Nullable RecordedStackTrace stack) {
        if (stack == null) {
            return List.of();
        }
        List<String> frames = new ArrayList<>(FRAMES);
        for (RecordedFrame frame : stack.getFrames()) {
            if (frames.size() == FRAMES) {
                break;
            }
            if (frame.isJavaFrame()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
        }
        return frames;
    }
}
