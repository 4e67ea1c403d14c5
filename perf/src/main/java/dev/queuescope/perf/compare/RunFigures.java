package dev.queuescope.perf.compare;

import dev.queuescope.perf.analysis.QueueEntry;
import dev.queuescope.perf.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code compare} takes from a run's summary.json. Read part by part, so that a summary written
 * before {@code analyse} (no {@code queues}) or before verdicts existed still compares.
 */
record RunFigures(String id, Summary.Latency latencyMs, Summary.Throughput throughput, Summary.Generator generator,
        boolean objectiveMet, double objectiveP99Ms, List<QueueEntry> queues, @Nullable String verdictQueue) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static RunFigures read(Path run) {
        Path file = run.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No summary.json in " + run + ": not a finished run");
        }
        try {
            JsonNode summary = JSON.readTree(file.toFile());
            List<QueueEntry> queues = new ArrayList<>();
            for (JsonNode queue : summary.path("queues")) {
                queues.add(JSON.treeToValue(queue, QueueEntry.class));
            }
            JsonNode verdict = summary.at("/verdict/queue");
            return new RunFigures(
                    required(summary, "/run/id", file).asString(),
                    JSON.treeToValue(required(summary, "/latencyMs", file), Summary.Latency.class),
                    JSON.treeToValue(required(summary, "/throughput", file), Summary.Throughput.class),
                    JSON.treeToValue(required(summary, "/generator", file), Summary.Generator.class),
                    required(summary, "/objectiveMet", file).booleanValue(),
                    required(summary, "/run/objectiveP99Ms", file).doubleValue(),
                    queues,
                    verdict.isMissingNode() || verdict.isNull() ? null
                            : verdict.isValueNode() ? verdict.asString() : verdict.toString());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The ledger's entry for a queue, if this run's summary has one. */
    @Nullable QueueEntry queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
    }

    private static JsonNode required(JsonNode summary, String pointer, Path file) {
        JsonNode node = summary.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException(file + " has no " + pointer.substring(1).replace('/', '.'));
        }
        return node;
    }
}
