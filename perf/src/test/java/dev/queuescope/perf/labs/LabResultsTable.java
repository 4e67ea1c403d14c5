package dev.queuescope.perf.labs;

import dev.queuescope.perf.analysis.Analysis;
import dev.queuescope.perf.analysis.QueueEntry;
import dev.queuescope.perf.capacity.Capacity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What each live lab run gave, as a Markdown table written while the tests run (and echoed to the
 * console): the figures behind a pass or a failure stay readable after the run directories are gone.
 */
final class LabResultsTable {

    private final Path file;

    LabResultsTable(Path file) {
        this.file = file;
        write("", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** The machine's speed the rates were scaled by, above the table. */
    void machine(LabCatalog.RateReference reference, Capacity now, MachineSpeed speed) {
        String lines = String.format(Locale.ROOT, "Capacity of %s now: %.1f req/s at %d connections (rates set at %.1f): "
                + "rates × %.2f; one at a time %.1f req/s (set at %.1f): one-lane labs' rates × %.2f%n%n| lab | "
                + "expected | verdict | share of p99 (expected) | confidence | p99 ms | offered req/s | req/s |%n"
                + "|---|---|---|---|---|---|---|---|%n", now.scenario(), now.requestsPerSecond(), now.connections(),
                reference.capacity(), speed.cores(), now.oneConnectionRequestsPerSecond(),
                reference.oneConnectionCapacity(), speed.lane());
        System.out.print("lab result: " + lines);
        write(lines, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** One run: the blind verdict, the expected queue's share, and the generator's figures from summary.json. */
    void row(String lab, String expected, Analysis.Result blind, JsonNode summary) {
        String shares = blind.queues().stream().filter(q -> expected.contains(q.name()) && q.shareOfP99() != null)
                .map(q -> String.format(Locale.ROOT, "%s %.2f (wait %.2f ms/request)", q.name(), q.shareOfP99(),
                        q.waitMsPerRequest() == null ? Double.NaN : q.waitMsPerRequest()))
                .reduce((a, b) -> a + ", " + b).orElse("—");
        String line = String.format(Locale.ROOT, "| `%s` | `%s` | `%s` | %s | %.2f | %.1f | %.1f | %.1f |%n", lab,
                expected, blind.verdict().queue(), shares, blind.verdict().confidence(),
                summary.at("/latencyMs/p99").asDouble(), summary.at("/generator/intendedRate").asDouble(),
                summary.at("/throughput/requestsPerSecond").asDouble());
        System.out.print("lab result: " + line);
        write(line, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private void write(String text, StandardOpenOption... options) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
