package dev.queuescope.perf.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.PerfCli;
import dev.queuescope.perf.analysis.Analysis;
import dev.queuescope.perf.analysis.Blinding;
import dev.queuescope.perf.analysis.QueueEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live proof (make test-labs): the shop runs each lab of perf/labs.json at a rate the healthy shop
 * serves within the scenario's objective, the generator stays honest, and the analysis of a blinded
 * copy names the lab's queue with at least half of the slowest requests' time. Fixed seed, no retries.
 * Needs app/target/queuescope.jar (make test-labs builds it).
 */
@Tag("labs")
class LabsLiveTests {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Template (first run only), start, warm-up, window, capture and analysis: about 70 s. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    private static final LabResultsTable RESULTS = new LabResultsTable(REPO.resolve("perf/target/labs-results.md"));

    @TempDir
    Path results;

    @TestFactory
    Stream<DynamicTest> eachLabIsNamedByTheBlindVerdict() throws IOException {
        return LabCatalog.load(REPO).labs().stream().map(lab -> DynamicTest.dynamicTest(lab.name(), () -> {
            Path run = run(lab.scenario(), lab.rate(), List.of(lab.name()));

            Analysis.Result blind = Analysis.analyse(Blinding.blind(run));
            RESULTS.row(lab.name(), lab.expectedVerdict(), blind, JSON.readTree(run.resolve("summary.json").toFile()));

            assertThat(blind.verdict().queue()).as(lab.name() + ": " + blind.verdict().summary())
                    .isEqualTo(lab.expectedVerdict());
            QueueEntry named = blind.queues().stream().filter(q -> q.name().equals(lab.expectedVerdict()))
                    .findFirst().orElseThrow();
            assertThat(named.evidence()).as(lab.name() + ": the evidence points at the cause")
                    .anyMatch(line -> line.contains(lab.evidence()));
            if (lab.backlog()) {
                assertThat(named.growing()).isTrue();
            } else {
                assertThat(named.shareOfP99()).isGreaterThanOrEqualTo(0.5);
            }
        }));
    }

    @Test
    void theHealthyShopAtAComfortableRateNamesNoQueue() throws Exception {
        Path run = run("list-pages", 50, List.of());
        Analysis.Result blind = Analysis.analyse(Blinding.blind(run));
        RESULTS.row("(healthy)", "none", blind, JSON.readTree(run.resolve("summary.json").toFile()));

        assertThat(blind.verdict().queue()).isEqualTo("none");
    }

    @Test
    void twoLabsOnIndependentRoutesPutBothTheirQueuesInTheTopTwo() throws Exception {
        Path run = run("search-and-orders", 100, List.of("lock-contention", "row-lock-contention"));

        Analysis.Result blind = Analysis.analyse(Blinding.blind(run));
        RESULTS.row("lock-contention + row-lock-contention", "jvm-locks, db-locks", blind,
                JSON.readTree(run.resolve("summary.json").toFile()));
        // Ranked by the wait per request over all requests: the p99 cohort is one route's tail (the
        // searches' here), so p99 shares rank the other route's queue only by luck.
        List<String> topTwo = blind.queues().stream()
                .filter(q -> q.waitMsPerRequest() != null)
                .sorted(Comparator.comparing(QueueEntry::waitMsPerRequest).reversed())
                .limit(2).map(QueueEntry::name).toList();

        assertThat(topTwo).containsExactlyInAnyOrder("jvm-locks", "db-locks");
    }

    /**
     * One run of the kit into the test's results directory, in a JVM of its own as {@code make perf}
     * runs it: the generator then does not share its heap and collector with the test JVM, which by
     * the last lab holds the earlier runs' analyses. The generator must have kept up.
     */
    private Path run(String scenario, double rate, List<String> labs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PerfCli.class.getName(),
                "run", "--repo=" + REPO, "--results=" + results,
                "--scenario=" + scenario, "--rate=" + rate, "--duration=15s", "--warmup=25s", "--seed=42"));
        if (!labs.isEmpty()) {
            command.add("--lab=" + String.join(",", labs));
        }
        Path log = results.resolve("run-" + scenario + "-" + String.join("-", labs) + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the run did not end within " + RUN_LIMIT + "; its output: " + log);
        }
        assertThat(process.exitValue()).as("run exit code (3 = the generator could not keep up); output in " + log)
                .isZero();
        Path run;
        try (Stream<Path> runs = Files.list(results)) {
            run = runs.filter(p -> p.getFileName().toString().endsWith(scenario + (labs.isEmpty() ? "" : "-" + String.join("-", labs))))
                    .filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElseThrow();
        }
        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.at("/generator/saturated").asBoolean()).isFalse();
        return run;
    }
}
