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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider outage {@code run} against stand-ins of the test's own, attached as to a shop the kit did not start:
 * a service that reads and takes orders, a provider stub's outage control, and a management port whose breaker
 * gauge is open while the stub is down (as the shop's would be).
 */
class OutageRunTests {

    @TempDir
    Path repo;

    private final List<HttpServer> servers = new java.util.ArrayList<>();
    private final Queue<String> outageCalls = new ConcurrentLinkedQueue<>();
    private volatile long downUntilNanos = System.nanoTime();
    private HttpServer service;
    private HttpServer stub;
    private HttpServer management;
    private Path scenario;

    @BeforeEach
    void start() throws IOException {
        service = server();
        service.createContext("/work", exchange -> answer(exchange, 200, "{}"));
        service.createContext("/api/v1/orders", exchange -> answer(exchange, 201, "{}"));
        stub = server();
        stub.createContext("/outage", this::outage);
        management = server();
        management.createContext("/actuator/prometheus", exchange -> answer(exchange, 200, """
                resilience4j_circuitbreaker_state{application="queuescope",name="payment-provider",state="open"} %s
                """.formatted(down() ? "1.0" : "0.0")));
        scenario = repo.resolve("outage.json");
        Files.writeString(scenario, """
                {"name": "outage", "objective": {"p99Ms": 1000},
                 "phases": [{"name": "baseline", "rate": 40, "seconds": 2},
                            {"name": "outage", "rate": 40, "seconds": 2, "providerOutageSeconds": 2},
                            {"name": "after", "rate": 40, "seconds": 1}],
                 "requests": [{"name": "read", "weight": 3, "method": "GET", "path": "/work"},
                              {"name": "order", "weight": 1, "method": "POST", "path": "/api/v1/orders",
                               "body": "{}"}]}""");
    }

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void theProviderGoesDownAtTheOutagePhaseAndTheSummaryJudgesTheOutage() throws Exception {
        int exit = run("--provider-control=" + url(stub), "--management=" + url(management));

        // On a machine shared with other builds the generator may fall behind (exit 3, flagged in the summary).
        assertThat(exit).isIn(0, RunCommand.SATURATED);
        assertThat(outageCalls).containsExactly("POST seconds=2");
        JsonNode summary = JsonMapper.builder().build().readTree(repo.resolve("perf/results/latest/summary.json").toFile());
        JsonNode outage = summary.path("outage");
        assertThat(summary.has("overload")).isFalse();
        assertThat(outage.path("seconds").asInt()).isEqualTo(2);
        assertThat(outage.path("outagePhase").asString()).isEqualTo("outage");
        assertThat(outage.path("phases")).extracting(p -> p.path("name").asString())
                .containsExactly("baseline", "outage", "after");
        assertThat(outage.path("catalogP99BaselineMs").asDouble()).isPositive();
        assertThat(outage.path("ordersDuringOutage").asInt()).as("about 40 req/s × 1/4 × 2 s").isBetween(5, 40);
        assertThat(outage.path("breakerOpened").asBoolean()).isTrue();
        assertThat(outage.path("breakerOpenSeconds").asInt()).isBetween(1, 3);
        // No admin credentials for an attached service here, so the outbox cannot be read: unknown, not "all paid".
        assertThat(outage.path("unsettledAtEnd").isNull()).isTrue();
        assertThat(outage.at("/goals/allPaid").asBoolean()).isFalse();
        assertThat(outage.at("/goals/breakerOpened").asBoolean()).isTrue();
        try (InputStream schema = getClass().getResourceAsStream("/summary.schema.json")) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(summary)).isEmpty();
        }
        assertThat(repo.resolve("perf/results/latest/report.html")).content().contains("Provider outage");
    }

    @Test
    void anAttachedRunWithoutTheProvidersControlIsRefusedBeforeAnyLoad() {
        int exit = run("--management=" + url(management));

        assertThat(exit).isEqualTo(1);
        assertThat(outageCalls).isEmpty();
        assertThat(repo.resolve("perf/results")).doesNotExist();
    }

    @Test
    void aControlThatDoesNotAnswerFailsTheRunBeforeAnyLoad() {
        stub.stop(0);

        int exit = run("--provider-control=" + url(stub), "--management=" + url(management));

        assertThat(exit).isEqualTo(1);
        assertThat(repo.resolve("perf/results/latest/summary.json")).doesNotExist();
    }

    private int run(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--target=" + url(service),
                "--scenario=" + scenario, "--knee=40", "--arrivals=CONSTANT", "--warmup=1s", "--repo=" + repo));
        args.addAll(List.of(options));
        return new CommandLine(new PerfCli()).setExecutionExceptionHandler((e, command, parsed) -> 1)
                .execute(args.toArray(String[]::new));
    }

    private boolean down() {
        return System.nanoTime() - downUntilNanos < 0;
    }

    private void outage(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        if (exchange.getRequestMethod().equals("POST")) {
            outageCalls.add("POST " + query);
            downUntilNanos = System.nanoTime() + Long.parseLong(query.substring("seconds=".length())) * 1_000_000_000L;
        }
        answer(exchange, 200, "{\"down\":" + down() + "}");
    }

    private HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        servers.add(server);
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
