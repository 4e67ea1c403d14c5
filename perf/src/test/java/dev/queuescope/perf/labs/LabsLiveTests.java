package dev.queuescope.perf.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.PerfCli;
import dev.queuescope.perf.analysis.Analysis;
import dev.queuescope.perf.analysis.Blinding;
import dev.queuescope.perf.analysis.QueueEntry;
import dev.queuescope.perf.analysis.RouteTail;
import dev.queuescope.perf.capacity.Capacity;
import dev.queuescope.perf.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live proof (make test-labs): the shop runs each lab of perf/labs.json at a rate the healthy shop
 * serves within the scenario's objective, the generator stays honest, and the analysis of a blinded
 * copy names the lab's queue with at least half of the slowest requests' time. Fixed seed, no retries.
 * The rates follow the machine: its capacity is measured first, and every rate but a lab's fixed one
 * is scaled by how much faster or slower than the catalog's reference the machine is now — by its cores'
 * speed, or for a lab that fills one lane (and the two one-lane labs together), by one request's.
 * Needs app/target/queuescope.jar (make test-labs builds it).
 */
@Tag("labs")
class LabsLiveTests {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Template (first run only), start, warm-up, window, capture and analysis: about 60 s. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    /** The measured window of the runs that are not one lab's (whose window is in the catalog). */
    private static final int WINDOW_SECONDS = 15;
    private static final LabResultsTable RESULTS = new LabResultsTable(REPO.resolve("perf/target/labs-results.md"));

    /**
     * The runs stay after the tests (perf/target/labs-runs, emptied at the next start but for the seeded
     * template, which is rebuilt only when the shop's JAR changes): a failed lab leaves its report, log and
     * recording behind to be looked at.
     */
    private static final Path RESULTS_DIR = REPO.resolve("perf/target/labs-runs");

    /** This machine's capacity now over the catalog's reference: every rate that follows the machine is scaled by it. */
    private static MachineSpeed speed;

    @BeforeAll
    static void measureTheMachineInAnEmptyRunsDirectory() throws IOException, InterruptedException {
        Files.createDirectories(RESULTS_DIR);
        try (Stream<Path> entries = Files.list(RESULTS_DIR)) {
            for (Path entry : entries.filter(p -> !p.getFileName().toString().equals(".templates")).toList()) {
                RunDirectory.deleteTree(entry);
            }
        }
        LabCatalog.RateReference reference = LabCatalog.load(REPO).ratesSetAt();
        Capacity now = Capacity.read(kit("capacity-" + reference.scenario(), "capacity",
                "--scenario=" + reference.scenario(), "--connections=" + reference.connections()));
        speed = MachineSpeed.of(now, reference);
        RESULTS.machine(reference, now, speed);
    }

    @TestFactory
    Stream<DynamicTest> eachLabIsNamedByTheBlindVerdict() throws IOException {
        return LabCatalog.load(REPO).labs().stream().map(lab -> DynamicTest.dynamicTest(lab.name(), () -> {
            Path run = run(lab.scenario(), lab.rateAt(speed), lab.windowSeconds(), List.of(lab.name()));

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
        Path run = run("list-pages", 50 * speed.cores(), WINDOW_SECONDS, List.of());
        Analysis.Result blind = Analysis.analyse(Blinding.blind(run));
        RESULTS.row("(healthy)", "none", blind, JSON.readTree(run.resolve("summary.json").toFile()));

        assertThat(blind.verdict().queue()).isEqualTo("none");
    }

    /**
     * Each lab's route names its own queue: searches (lock-contention) wait at the JVM monitor, orders
     * (row-lock-contention) at the hot row. Judged by each route's own slowest requests, because the run's
     * p99 cohort is one route's tail (the orders' here), where the other route's queue ranks only by luck.
     * 150 req/s at the reference speed (50 orders, 100 searches): where each lab alone queues (docs/labs.md,
     * "Rates"); at 60 a fast day's run named no queue (p99 35 ms). Both labs fill one lane, so the rate follows
     * the lanes' speed.
     */
    @Test
    void twoLabsOnIndependentRoutesEachNameTheirOwnQueue() throws Exception {
        Path run = run("search-and-orders", 150 * speed.lane(), WINDOW_SECONDS, List.of("lock-contention", "row-lock-contention"));

        Analysis.Result blind = Analysis.analyse(Blinding.blind(run));
        RESULTS.row("lock-contention + row-lock-contention", "jvm-locks, db-locks", blind,
                JSON.readTree(run.resolve("summary.json").toFile()));
        Map<String, String> queueByRoute = blind.routes().stream()
                .collect(Collectors.toMap(RouteTail::route, RouteTail::queue));

        assertThat(queueByRoute).containsEntry("/api/v1/products", "jvm-locks")
                .containsEntry("/api/v1/orders", "db-locks");
    }

    /** One run of the kit into the test's results directory; the generator must have kept up. */
    private Path run(String scenario, double rate, int windowSeconds, List<String> labs)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("run", "--scenario=" + scenario, "--rate=" + rate,
                "--duration=" + windowSeconds + "s", "--warmup=20s", "--seed=42"));
        if (!labs.isEmpty()) {
            arguments.add("--lab=" + String.join(",", labs));
        }
        Path run = kit(scenario + (labs.isEmpty() ? "" : "-" + String.join("-", labs)),
                arguments.toArray(String[]::new));
        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.at("/generator/saturated").asBoolean()).isFalse();
        return run;
    }

    /**
     * A command of the kit into the test's results directory, in a JVM of its own as {@code make perf}
     * runs it: the generator then does not share its heap and collector with the test JVM, which by
     * the last lab holds the earlier runs' analyses. Returns the newest directory whose name ends in
     * {@code name}.
     */
    private static Path kit(String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PerfCli.class.getName()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--repo=" + REPO, "--results=" + RESULTS_DIR));
        Path log = RESULTS_DIR.resolve(arguments[0] + "-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(arguments[0] + " did not end within " + RUN_LIMIT + "; its output: " + log);
        }
        assertThat(process.exitValue()).as(arguments[0] + " exit code (3 = the generator could not keep up); output in "
                + log).isZero();
        try (Stream<Path> dirs = Files.list(RESULTS_DIR)) {
            return dirs.filter(p -> p.getFileName().toString().endsWith(name)).filter(Files::isDirectory).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
    }
}
