package dev.queuescope.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.sun.net.httpserver.HttpServer;
import dev.queuescope.perf.JsonAnswer;
import dev.queuescope.perf.PerfCli;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole {@code run} command, attached to a small service of the test's own: setup discovery,
 * load, results on disk in the documented layout, and a summary that matches its schema.
 */
class RunCommandTests {

    @TempDir
    Path repo;

    private HttpServer service;
    private Path scenario;

    @BeforeEach
    void startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.setExecutor(Executors.newFixedThreadPool(4));
        service.createContext("/items", exchange -> JsonAnswer.ok(exchange,
                exchange.getRequestURI().getPath().equals("/items")
                        ? "{\"items\":[{\"id\":11},{\"id\":12}],\"nextCursor\":null}"
                        : "{\"id\":1}"));
        service.start();
        scenario = repo.resolve("tiny.json");
        Files.writeString(scenario, """
                {"name": "tiny", "objective": {"p99Ms": 1000},
                 "setup": {"discover": [{"variable": "id", "path": "/items", "field": "id"}]},
                 "requests": [{"name": "item", "weight": 1, "method": "GET", "path": "/items/{id}"}]}""");
    }

    @AfterEach
    void stopService() {
        service.stop(0);
    }

    @Test
    void aRunAgainstAnAttachedServiceWritesItsResultsAndExitsZero() throws Exception {
        int exit = new CommandLine(new PerfCli()).execute("run", "--target=http://127.0.0.1:"
                + service.getAddress().getPort(), "--scenario=" + scenario, "--rate=50", "--duration=3s",
                "--warmup=1s", "--repo=" + repo);

        assertThat(exit).isZero();
        Path run = repo.resolve("perf/results/latest");
        assertThat(run.resolve("report.html")).isNotEmptyFile();
        assertThat(run.resolve("latency.hlog")).isNotEmptyFile();
        JsonNode summary = JsonMapper.builder().build().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.at("/run/scenario").asString()).isEqualTo("tiny");
        assertThat(summary.at("/generator/saturated").asBoolean()).isFalse();
        assertThat(summary.at("/throughput/sent").asLong()).isBetween(120L, 180L);
        assertThat(summary.at("/endpoints/item/count").asLong()).isPositive();
        assertThat(summary.at("/artifacts/jfr").isNull()).as("no JFR without a pid").isTrue();
        assertThat(summary.at("/queues/0/observed").asBoolean()).as("nothing captured, nothing concluded").isFalse();
        try (InputStream schema = getClass().getResourceAsStream("/summary.schema.json")) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(summary)).isEmpty();
        }
    }

    @Test
    void aSweepsStepRunGoesWhereItIsToldLeavingTheUsersRunsAlone() throws Exception {
        Path step = repo.resolve("perf/results/20261126-120000-sweep-tiny/step-01");

        int exit = new CommandLine(new PerfCli()).execute("run", "--target=http://127.0.0.1:"
                + service.getAddress().getPort(), "--scenario=" + scenario, "--rate=20", "--duration=1s",
                "--warmup=0s", "--repo=" + repo, "--results=" + step);

        assertThat(exit).isZero();
        assertThat(step.resolve("latest").resolve("summary.json")).isNotEmptyFile();
        assertThat(repo.resolve("perf/results/latest")).doesNotExist();
    }

    @Test
    void anUnknownScenarioFailsWithExitCodeOne() {
        int exit = new CommandLine(new PerfCli()).execute("run", "--target=http://127.0.0.1:1",
                "--scenario=nope", "--repo=" + repo);

        assertThat(exit).isEqualTo(1);
    }
}
