package dev.queuescope.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.queuescope.perf.PerfCli;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A phased {@code run} against a service of the test's own that sheds load the way the shop should:
 * beyond {@value #LIMIT} requests in flight it answers 503 with Retry-After at once. Its capacity is
 * about {@value #LIMIT} / 10 ms = 100 req/s; the overload phase offers twice that.
 */
class OverloadRunTests {

    static final int LIMIT = 1;

    @TempDir
    Path repo;

    private HttpServer service;
    private final AtomicInteger inFlight = new AtomicInteger();
    private Path scenario;

    @BeforeEach
    void startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.setExecutor(Executors.newFixedThreadPool(8));
        service.createContext("/work", this::work);
        service.start();
        scenario = repo.resolve("shed.json");
        Files.writeString(scenario, """
                {"name": "shed", "objective": {"p99Ms": 1000},
                 "phases": [{"name": "baseline", "rate": 40, "seconds": 2},
                            {"name": "overload", "rateOfKnee": 2.0, "seconds": 3},
                            {"name": "recovery", "rate": 40, "seconds": 4}],
                 "requests": [{"name": "work", "weight": 1, "method": "GET", "path": "/work"}]}""");
    }

    @AfterEach
    void stopService() {
        service.stop(0);
    }

    @Test
    void aPhasedRunWritesAnOverloadSectionWithItsFigures() throws Exception {
        int exit = new CommandLine(new PerfCli()).execute("run", "--target=http://127.0.0.1:"
                + service.getAddress().getPort(), "--scenario=" + scenario, "--knee=100", "--arrivals=CONSTANT",
                "--warmup=1s", "--repo=" + repo);

        // On a machine shared with other builds the generator may fall behind (exit 3, flagged in the summary):
        // that is the generator's self-check, not what this test is about.
        assertThat(exit).isIn(0, RunCommand.SATURATED);
        JsonNode summary = JsonMapper.builder().build()
                .readTree(repo.resolve("perf/results/latest/summary.json").toFile());
        JsonNode overload = summary.path("overload");
        assertThat(overload.at("/knee/source").asString()).isEqualTo("option");
        assertThat(overload.at("/overloadPhase").asString()).isEqualTo("overload");
        assertThat(overload.path("phases")).extracting(p -> p.path("name").asString())
                .containsExactly("baseline", "overload", "recovery");
        assertThat(overload.at("/phases/1/intendedRate").asDouble()).isEqualTo(200);
        assertThat(overload.at("/phases/1/refusedPerSecond").asDouble()).as("it shed").isPositive();
        assertThat(overload.at("/goodputRatio").asDouble()).as("about 100 of 200 req/s served").isBetween(0.2, 1.5);
        assertThat(overload.path("rejectP99Ms").isNumber()).isTrue();
        assertThat(overload.at("/baselineP99Ms").asDouble()).isPositive();
        assertThat(overload.path("recoverySeconds").isNull() || overload.path("recoverySeconds").asInt() >= 0).isTrue();
        assertThat(overload.at("/crashed").asBoolean()).isFalse();
        assertThat(summary.at("/run/durationSeconds").asDouble()).isEqualTo(9);
        try (InputStream schema = getClass().getResourceAsStream("/summary.schema.json")) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(summary)).isEmpty();
        }
        assertThat(repo.resolve("perf/results/latest/report.html")).content().contains("Overload");
    }

    @Test
    void aPhasedScenarioRefusesOneRate() {
        int exit = new CommandLine(new PerfCli()).execute("run", "--target=http://127.0.0.1:"
                + service.getAddress().getPort(), "--scenario=" + scenario, "--knee=100", "--rate=10",
                "--repo=" + repo);

        assertThat(exit).isEqualTo(1);
    }

    private void work(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (inFlight.incrementAndGet() > LIMIT) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
