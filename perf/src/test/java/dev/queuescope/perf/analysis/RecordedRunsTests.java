package dev.queuescope.perf.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analysis on reduced, blinded copies of real runs of the shop on this machine
 * (perf/src/test/resources/runs, made by its reduce.sh; how each was recorded is in its README).
 */
class RecordedRunsTests {

    @TempDir
    Path work;

    /** A fixture unpacked into a run directory of its own. */
    private Path run(String name) throws IOException, URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/runs/" + name).toURI());
        Path run = Files.createDirectory(work.resolve(name));
        try (Stream<Path> files = Files.list(fixture)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().equals("shop.jfr.gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        Files.copy(in, run.resolve("shop.jfr"));
                    }
                } else {
                    Files.copy(file, run.resolve(file.getFileName()));
                }
            }
        }
        return run;
    }

    private static QueueEntry queue(Analysis.Result result, String name) {
        return result.queues().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aPoolOfOneConnectionIsNamedWithMostOfTheTailWaitingForIt() throws Exception {
        Analysis.Result result = Analysis.analyse(run("pool-of-one"));

        assertThat(result.verdict().queue()).isEqualTo("db-pool");
        assertThat(queue(result, "db-pool").shareOfP99()).isGreaterThanOrEqualTo(0.5);
        assertThat(queue(result, "db-pool").waitShareOfP99()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void thePoolOfOnesQueueIsDeepButNotGrowingAndLittlesLawAddsUp() throws Exception {
        QueueEntry pool = queue(Analysis.analyse(run("pool-of-one")), "db-pool");

        assertThat(pool.maxDepth()).isGreaterThan(10);
        assertThat(pool.growing()).isFalse();
        assertThat(pool.littlesLaw().consistent()).isTrue();
    }

    @Test
    void littlesLawDoesNotAddUpWhenTheSampledPoolGaugeDisagreesWithTheWaits() throws Exception {
        Path run = run("pool-of-one");
        // The same run with a gauge that never saw anyone waiting: L = 0 against λW of several threads.
        List<String> rows = Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .map(row -> row.replaceAll("\"hikaricp_connections_pending\":[0-9.]+", "\"hikaricp_connections_pending\":0.0"))
                .toList();
        Files.write(run.resolve("metrics.jsonl"), rows);

        assertThat(queue(Analysis.analyse(run), "db-pool").littlesLaw().consistent()).isFalse();
    }

    @Test
    void aLongGcPauseAtALightRateIsWhatTheTailWaitedFor() throws Exception {
        Analysis.Result result = Analysis.analyse(run("gc-pause-at-50rps"));

        assertThat(result.verdict().queue()).isEqualTo("gc");
        assertThat(queue(result, "gc").shareOfP99()).isGreaterThanOrEqualTo(0.5);
        assertThat(queue(result, "gc").growing()).isFalse();
        assertThat(queue(result, "db-pool").shareOfP99()).isLessThan(0.1);
    }

    @Test
    void aHealthyRunMeetsItsObjectiveAndNamesNoQueueButWhatItCouldNotSee() throws Exception {
        Analysis.Result result = Analysis.analyse(run("healthy-product-reads"));

        assertThat(result.verdict().queue()).isEqualTo("none");
        assertThat(result.verdict().evidence()).anyMatch(line -> line.contains("not observed") && line.contains("external-calls"));
        assertThat(result.queues()).filteredOn(QueueEntry::observed).allMatch(q -> !Boolean.TRUE.equals(q.growing()));
    }

    @Test
    void aWaitRisingByAMillisecondAtAFewRequestsASecondIsNotAQueueBuildingUp() throws Exception {
        Analysis.Result result = Analysis.analyse(run("healthy-search-at-4rps"));

        assertThat(queue(result, "cpu").observed()).isTrue();
        assertThat(queue(result, "cpu").growing()).isFalse();
        assertThat(result.verdict().queue()).isEqualTo("none");
    }

    /**
     * Slow-listener and slow-external runs whose slowest requests spent at least half their time at a request
     * queue the growing backlog caused or that was not a queue: the backlog is named, with the reason.
     */
    @ParameterizedTest(name = "{0}: {1} yields to {2}")
    @CsvSource({
        "lab-slow-listener-busy-cores, cpu, event-outbox, others held the cores",
        "lab-slow-listener-busy-database, db-statements, event-outbox, statements outside any request held",
        "lab-slow-external-cold-orders, cpu, external-calls, 'mostly running, not queued'",
    })
    void aRequestQueueTheBacklogCausedOrThatIsNoQueueLeavesTheGrowingBacklogNamed(String fixture, String requestQueue,
            String backlog, String reason) throws Exception {
        Analysis.Result result = Analysis.analyse(run(fixture));

        assertThat(queue(result, requestQueue).shareOfP99()).isGreaterThanOrEqualTo(0.5);
        assertThat(result.verdict().queue()).isEqualTo(backlog);
        assertThat(result.verdict().evidence()).anyMatch(line -> line.contains(reason));
    }

    /** Lab runs recorded by the live labs' commands (docs/labs.md): the blind verdict names the lab's queue. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "lab-row-lock-contention, db-locks, daily_sales",
        "lab-sync-logging, logging, org.apache.logging",
        "lab-thread-starvation, http-threads, with all 1 threads busy",
        "lab-slow-listener, event-outbox, ProductCreatedListener",
        "lab-gc-pressure, gc, GcPressureProductRepository.page",
        "lab-lock-contention, jvm-locks, LockContentionProductRepository.page",
        "lab-slow-external, external-calls, calls to [payment-provider]",
        "lab-cpu-burn, cpu, CpuBurnProductRepository",
        "lab-cpu-burn-jdk-leaf, cpu, CpuBurnProductRepository",
        "lab-n-plus-one, db-statements, (N+1?)",
        "lab-missing-index, db-statements, lower(",
        "lab-pool-starvation, db-pool, connections in use: at most 1",
        "lab-remote-call-in-transaction, db-pool, connections in use"})
    void aRecordedLabRunIsNamedByItsQueueWithEvidenceOfItsCause(String fixture, String queue, String evidence)
            throws Exception {
        Analysis.Result result = Analysis.analyse(run(fixture));

        assertThat(result.verdict().queue()).as(result.verdict().summary()).isEqualTo(queue);
        assertThat(queue(result, queue).evidence()).anyMatch(line -> line.contains(evidence));
    }

    /**
     * Two labs on independent routes at once (lock-contention on searches, row-lock-contention on orders): each
     * route's own slowest requests name its lab's queue, whichever route's tail the run's p99 is.
     */
    @Test
    void twoLabsOnIndependentRoutesAreEachNamedByTheirRoutesOwnTail() throws Exception {
        Analysis.Result result = Analysis.analyse(run("labs-lock-and-row-lock-contention"));

        assertThat(result.routes()).extracting(RouteTail::route, RouteTail::queue)
                .contains(tuple("/api/v1/products", "jvm-locks"), tuple("/api/v1/orders", "db-locks"));
    }
}
