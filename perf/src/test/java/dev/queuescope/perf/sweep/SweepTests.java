package dev.queuescope.perf.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code sweep} makes of its step runs once they are done — read, knee, fit, sweep.json,
 * sweep.html, latest-sweep — from run directories the test writes: no shop, no load.
 */
class SweepTests {

    @TempDir
    Path results;

    /**
     * A service that keeps up to 100 % of 200 req/s, falls behind at 125 % as the connection pool's
     * wait explodes, and a 150 % step where the generator itself fell behind.
     */
    private final List<FakeRun> runs = List.of(
            run(20, 20, 20, 5, 20, false, 0.1, 2.0),
            run(50, 50, 50, 5.5, 22, false, 0.1, 2.0),
            run(100, 100, 100, 6, 25, false, 0.2, 2.1),
            run(150, 150, 150, 8, 30, false, 0.5, 2.2),
            run(200, 200, 196, 15, 40, false, 2.0, 2.3),
            new FakeRun(250, 250, 215, 700, 0.9, 400, 900, false, waits(300.0, 2.6)),
            new FakeRun(300, 260, 200, 2000, 0.8, 900, 2000, true, waits(600.0, 2.7)));
    private final List<Double> percents = List.of(10.0, 25.0, 50.0, 75.0, 100.0, 125.0, 150.0);

    @Test
    void stepRunsBecomeSweepJsonWithItsKneeAndFit() throws Exception {
        SweepDirectory sweep = sweepOf(new Calibration(50, 0.25, 200, "calibration/20261126-115900-mixed"));

        JsonNode json = JsonMapper.builder().build().readTree(sweep.path().resolve("sweep.json").toFile());
        assertThat(json.at("/id").asString()).isEqualTo(sweep.id()).matches("\\d{8}-\\d{6}-sweep-mixed");
        assertThat(json.at("/capacity").asDouble()).isEqualTo(200);
        assertThat(json.at("/calibration/processCpuShare").asDouble()).isEqualTo(0.25);
        assertThat(json.at("/steps")).hasSize(7);
        JsonNode second = json.at("/steps/1");
        assertThat(second.at("/offeredRate").asDouble()).isEqualTo(50);
        assertThat(second.at("/achievedRate").asDouble()).isCloseTo(50, within(1e-9));
        assertThat(second.at("/meanMs").asDouble()).isCloseTo(5.5, within(0.01));
        assertThat(second.at("/concurrency").asDouble()).as("Little's law: 50 req/s × 5.5 ms")
                .isCloseTo(0.275, within(0.001));
        assertThat(second.at("/run").asString()).startsWith("step-02/");
        assertThat(second.at("/waitMsPerRequest/http-threads").isNull()).isTrue();
        assertThat(second.at("/waitMsPerRequest/db-pool").asDouble()).isEqualTo(0.1);
        assertThat(json.at("/steps/5/achievedRate").asDouble()).as("responses within the phase × completed/sent")
                .isCloseTo(215 * 0.9, within(1e-9));
        assertThat(json.at("/steps/6/generatorSaturated").asBoolean()).isTrue();
        assertThat(json.at("/knee/percent").asDouble()).isEqualTo(125);
        assertThat(json.at("/knee/throughputFellBehind").asBoolean()).isTrue();
        assertThat(json.at("/knee/p99LeftPlateau").asBoolean()).isTrue();
        assertThat(json.at("/knee/queueThatGrewFirst").asString()).isEqualTo("db-pool");
        assertThat(json.at("/usl/sigma").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.at("/usl/lambda").asDouble()).isPositive();
        try (InputStream schema = getClass().getResourceAsStream("/sweep.schema.json")) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(json)).isEmpty();
        }
        assertThat(Files.readSymbolicLink(results.resolve("latest-sweep"))).isEqualTo(Path.of(sweep.id()));
    }

    @Test
    void aStepWhereTheGeneratorFellBehindIsLeftOutOfTheFit() throws Exception {
        List<Step> steps = writeSteps(SweepDirectory.create(results, "mixed"));

        Sweep all = Sweep.of("id", "mixed", 200, null, 20, 5, steps);
        Sweep trusted = Sweep.of("id", "mixed", 200, null, 20, 5, steps.subList(0, 6));

        assertThat(all.usl()).isEqualTo(trusted.usl());
        assertThat(all.knee()).isEqualTo(trusted.knee());
    }

    @Test
    void tooFewStepsToFitLeaveTheFitOut() throws Exception {
        List<Step> steps = writeSteps(SweepDirectory.create(results, "mixed"));

        assertThat(Sweep.of("id", "mixed", 200, null, 20, 5, steps.subList(0, 2)).usl()).isNull();
    }

    @Test
    void thePageIsSelfContainedAndLinksEachStepsReport() throws Exception {
        SweepDirectory sweep = sweepOf(null);

        String html = Files.readString(sweep.path().resolve("sweep.html"));
        assertThat(html).contains("id=\"queuescope-sweep\"").doesNotContain("<script", "<link", "src=", "url(")
                .contains("aria-label=\"Throughput over offered rate\"", "aria-label=\"Latency over offered rate",
                        "aria-label=\"Throughput over concurrency")
                .contains("href=\"step-01/").contains("db-pool").contains("generator fell behind: left out");
    }

    @Test
    void theTableNamesTheKneeAndTheFit() throws Exception {
        List<Step> steps = writeSteps(SweepDirectory.create(results, "mixed"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SweepCommand.print(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Sweep.of("id", "mixed", 200, null, 20, 5, steps));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("<- knee", "generator fell behind: left out",
                "Knee: 125 % (250.0 req/s), throughput fell behind, p99 left its plateau; queue that grew first: db-pool",
                "USL: λ");
    }

    @Test
    void calibrationDividesTheRateByTheProcessCpuShareOfTheMeasuredPhase() throws Exception {
        SweepDirectory sweep = SweepDirectory.create(results, "mixed");
        Path run = run(50, 50, 50, 5, 20, false, 0.1, 2.0).writeTo(sweep.path().resolve("calibration/run"));
        // Start-up and drain CPU are outside the measured phase and must not count.
        FakeRun.writeMetrics(run, 0.9, 0.25, 0.02);

        Calibration calibration = Calibration.of(run, sweep.path());

        assertThat(calibration.processCpuShare()).isCloseTo(0.25, within(1e-9));
        assertThat(calibration.capacity()).isCloseTo(200, within(1e-6));
        assertThat(calibration.run()).isEqualTo("calibration/run");
    }

    @Test
    void calibrationWithoutCpuSamplesAsksForTheCapacity() throws Exception {
        SweepDirectory sweep = SweepDirectory.create(results, "mixed");
        Path run = run(50, 50, 50, 5, 20, false, 0.1, 2.0).writeTo(sweep.path().resolve("calibration/run"));

        assertThatThrownBy(() -> Calibration.of(run, sweep.path())).isInstanceOf(IOException.class)
                .hasMessageContaining("--capacity");
    }

    /** Writes the runs as the steps of a sweep, then does what the command does once they have run. */
    private SweepDirectory sweepOf(@Nullable Calibration calibration) throws IOException {
        SweepDirectory sweep = SweepDirectory.create(results, "mixed");
        sweep.write(Sweep.of(sweep.id(), "mixed", 200, calibration, 20, 5, writeSteps(sweep)));
        return sweep;
    }

    /** The runs as the steps of a sweep, run directories named as {@code run} names them, read back. */
    private List<Step> writeSteps(SweepDirectory sweep) throws IOException {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Path run = runs.get(i).writeTo(sweep.stepRoot("step-%02d".formatted(i + 1))
                    .resolve("20261126-1200%02d-mixed".formatted(i)));
            steps.add(StepReader.read(percents.get(i), run, sweep.path()));
        }
        return steps;
    }

    private static FakeRun run(double rate, double sent, double responded, double latencyMs, double p99Ms,
            boolean saturated, double dbPoolWait, double dbStatementsWait) {
        return new FakeRun(rate, sent, responded, Math.round(responded * latencyMs / 1000), 1, latencyMs, p99Ms,
                saturated, waits(dbPoolWait, dbStatementsWait));
    }

    private static Map<String, @Nullable Double> waits(double dbPool, double dbStatements) {
        Map<String, @Nullable Double> waits = new HashMap<>();
        waits.put("http-threads", null);
        waits.put("db-pool", dbPool);
        waits.put("db-statements", dbStatements);
        return waits;
    }
}
