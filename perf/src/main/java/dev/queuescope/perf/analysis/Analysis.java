package dev.queuescope.perf.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Analyses a finished run from what it captured — the service's JFR recording, its sampled metrics
 * and the generator's interval log — never from the run's id, labs, settings, flags or logs, and
 * (re)writes {@code queues}, {@code verdict} and {@code tailToCause} in its summary.json.
 */
public final class Analysis {

    static final List<QueueRule> RULES = List.of(new HttpThreadsRule(), new DbPoolRule(), new DbStatementsRule(),
            new DbLocksRule(), new JvmLocksRule(), new GcRule(), new LoggingRule(), new ExternalCallsRule(),
            new EventOutboxRule(), new CpuRule());

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * @param verdictSeries the verdict queue's time per request (ms) by second, for the report's timeline
     * @param tailFlameGraph the differential flame graph of the slowest vs the median requests, when profiled
     * @param routes         each route's own tail and the queue that held most of it, slowest route first
     */
    public record Result(List<QueueEntry> queues, Verdict verdict, TailToCause tailToCause,
            List<Double> verdictSeries, @Nullable String tailFlameGraph, List<RouteTail> routes) {
    }

    private Analysis() {
    }

    public static Result analyse(Path run) throws IOException {
        return analyse(run, LedgerSettings.DEFAULTS);
    }

    static Result analyse(Path run, LedgerSettings settings) throws IOException {
        Capture capture = CaptureReader.read(run);
        Ledger ledger = new Ledger(capture, settings);
        List<QueueEntry> queues = RULES.stream().map(rule -> rule.entry(ledger)).toList();
        Verdict verdict = Verdict.of(queues, ledger);
        List<Double> series = !verdict.namesAQueue() ? List.of()
                : Queue.ofLabel(verdict.queue()).kind() == Queue.Kind.BACKLOG
                        ? ledger.metricSeries(Queue.ofLabel(verdict.queue()) == Queue.EXTERNAL_CALLS
                                ? ExternalCallsRule.DEPTH : EventOutboxRule.DEPTH)
                        : ledger.perSecondMs(a -> a.at(Queue.ofLabel(verdict.queue())));
        Result result = new Result(queues, verdict, TailToCause.of(ledger), series, TailFlameGraph.write(run, ledger),
                ledger.routeTails());
        Path summary = run.resolve("summary.json");
        if (Files.exists(summary)) {
            ObjectNode document = (ObjectNode) JSON.readTree(summary.toFile());
            document.set("queues", JSON.valueToTree(queues));
            document.set("verdict", JSON.valueToTree(verdict));
            document.set("tailToCause", JSON.valueToTree(result.tailToCause()));
            document.set("routes", JSON.valueToTree(result.routes()));
            JSON.writeValue(summary.toFile(), document);
        }
        return result;
    }
}
