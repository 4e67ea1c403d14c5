package dev.queuescope.perf.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A finished run as a sweep reads it, without running anything: the summary.json fields it reads
 * and a latency.hlog whose measured phase starts at {@link #START} and lasts {@link #SECONDS} s.
 *
 * @param respondedPerSecond responses (every outcome) per second within the measured phase
 * @param drained            responses after it, to the backlog
 * @param completedShare     completed / sent
 * @param latencyMs          every response's corrected latency
 */
record FakeRun(double rate, double sentRate, double respondedPerSecond, long drained, double completedShare,
        double latencyMs, double p99Ms, boolean saturated, Map<String, @Nullable Double> waits) {

    static final long START = 1_795_714_734_995L;
    static final int SECONDS = 20;

    Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        long sent = Math.round(sentRate * SECONDS);
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode summary = json.createObjectNode();
        summary.putObject("run").put("rate", rate).put("durationSeconds", SECONDS);
        summary.putObject("generator").put("achievedRate", sentRate).put("saturated", saturated);
        summary.putObject("latencyMs").put("p50", latencyMs).put("p99", p99Ms);
        summary.putObject("throughput").put("sent", sent).put("completed", Math.round(sent * completedShare));
        ArrayNode queues = summary.putArray("queues");
        waits.forEach((name, wait) -> queues.addObject().put("name", name).put("waitMsPerRequest", wait));
        json.writeValue(dir.resolve("summary.json").toFile(), summary);
        try (PrintStream out = new PrintStream(dir.resolve("latency.hlog").toFile())) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputLogFormatVersion();
            log.outputStartTime(START);
            log.setBaseTime(START);
            log.outputBaseTime(START);
            log.outputLegend();
            for (int second = 0; second < SECONDS; second++) {
                log.outputIntervalHistogram(interval(second, Math.round(respondedPerSecond)));
            }
            log.outputIntervalHistogram(interval(SECONDS, drained));
        }
        return dir;
    }

    /** One metrics.jsonl row a second from 5 s before the measured phase to 5 s after, process CPU as given. */
    static void writeMetrics(Path dir, double before, double during, double after) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int second = -5; second < SECONDS + 5; second++) {
            double cpu = second < 0 ? before : second < SECONDS ? during : after;
            rows.append("{\"t\":").append(START + second * 1000L + 300).append(",\"process_cpu_usage\":").append(cpu)
                    .append("}\n");
        }
        Files.writeString(dir.resolve("metrics.jsonl"), rows);
    }

    private Histogram interval(int second, long responses) {
        Histogram h = new Histogram(60_000_000L, 3);
        h.recordValueWithCount(Math.round(latencyMs * 1000), Math.max(responses, 0));
        h.setStartTimeStamp(START + second * 1000L);
        h.setEndTimeStamp(START + (second + 1) * 1000L);
        return h;
    }
}
