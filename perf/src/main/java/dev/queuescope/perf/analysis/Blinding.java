package dev.queuescope.perf.analysis;

import dev.queuescope.perf.run.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A blinded copy of a run, so a test (or a sceptic) can check the analysis names the queue from the
 * captured data alone: the directory renamed, settings, logs and derived files left out, the run's
 * identity, labs, environment and earlier analysis removed from summary.json, the run id dropped from
 * the interval log's comment, and the JFR files scrubbed of what tells the JVM's configuration or a lab.
 */
public final class Blinding {

    /** A blind copy sits beside its run, named after it with this suffix. */
    public static final String SUFFIX = "-blind";

    /** JFR events that would tell the analysis how the service was set up rather than how it behaved. */
    static final String SCRUBBED_EVENTS = "jdk.JVMInformation,jdk.InitialSystemProperty,jdk.InitialEnvironmentVariable,"
            + "jdk.*Flag,jdk.ActiveRecording,jdk.ActiveSetting,jdk.GCConfiguration,jdk.GCHeapConfiguration,"
            + "jdk.YoungGenerationConfiguration,queuescope.Lab*";
    static final List<String> COPIED = List.of("latency.hlog", "metrics.jsonl", "modules.json");
    private static final List<String> SUMMARY_REMOVED = List.of("queues", "verdict", "tailToCause");
    private static final List<String> RUN_REMOVED = List.of("id", "labs", "environment", "target");

    private Blinding() {
    }

    public static Path blind(Path run) throws IOException, InterruptedException {
        Path real = run.toRealPath();
        Path blind = real.resolveSibling(real.getFileName() + SUFFIX);
        RunDirectory.deleteTree(blind);
        Files.createDirectories(blind);
        for (String name : COPIED) {
            if (Files.exists(real.resolve(name))) {
                copy(real.resolve(name), blind.resolve(name));
            }
        }
        for (String name : RunDirectory.RECORDINGS) {
            if (Files.exists(real.resolve(name))) {
                scrub(real.resolve(name), blind.resolve(name));
            }
        }
        if (Files.exists(real.resolve("summary.json"))) {
            summary(real.resolve("summary.json"), blind.resolve("summary.json"));
        }
        return blind;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (from.getFileName().toString().endsWith(".hlog")) {
            // The log's first comment names the run; HdrHistogram's own header lines stay.
            List<String> lines = Files.readAllLines(from).stream()
                    .filter(line -> !line.startsWith("#queuescope run")).toList();
            Files.write(to, lines);
        } else {
            Files.copy(from, to);
        }
    }

    private static void summary(Path from, Path to) throws IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode summary = (ObjectNode) json.readTree(from.toFile());
        SUMMARY_REMOVED.forEach(summary::remove);
        if (summary.get("run") instanceof ObjectNode runNode) {
            RUN_REMOVED.forEach(runNode::remove);
        }
        json.writeValue(to.toFile(), summary);
    }

    private static void scrub(Path from, Path to) throws IOException, InterruptedException {
        Process jfr = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jfr").toString(), "scrub",
                "--exclude-events", SCRUBBED_EVENTS, from.toString(), to.toString()).redirectErrorStream(true).start();
        String output = new String(jfr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jfr.waitFor(120, TimeUnit.SECONDS) || jfr.exitValue() != 0) {
            throw new IOException("jfr scrub " + from + " failed: " + output);
        }
    }
}
