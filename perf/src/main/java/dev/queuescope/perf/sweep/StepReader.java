package dev.queuescope.perf.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A finished step run, read from what it wrote: summary.json (with its queues[]) and latency.hlog. */
final class StepReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StepReader() {
    }

    static Step read(double percent, Path run, Path sweep) throws IOException {
        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        double seconds = summary.at("/run/durationSeconds").asDouble();
        MeasuredPhase phase = MeasuredPhase.read(run.resolve("latency.hlog"), seconds);
        double responsesPerSecond = phase.responsesWithin() / seconds;
        long sent = summary.at("/throughput/sent").asLong();
        // The hlog holds every outcome; the run's share of successes turns its responses into throughput.
        double succeeded = sent == 0 ? 0 : summary.at("/throughput/completed").asLong() / (double) sent;
        Map<String, @Nullable Double> waits = new LinkedHashMap<>();
        for (JsonNode queue : summary.path("queues")) {
            JsonNode wait = queue.path("waitMsPerRequest");
            waits.put(queue.path("name").asString(), wait.isNumber() ? wait.asDouble() : null);
        }
        return new Step(percent, summary.at("/run/rate").asDouble(), summary.at("/generator/achievedRate").asDouble(),
                responsesPerSecond * succeeded, summary.at("/latencyMs/p50").asDouble(),
                summary.at("/latencyMs/p99").asDouble(), phase.meanMs(), responsesPerSecond * phase.meanMs() / 1000,
                summary.at("/generator/saturated").asBoolean(), sweep.relativize(run).toString(), waits);
    }
}
