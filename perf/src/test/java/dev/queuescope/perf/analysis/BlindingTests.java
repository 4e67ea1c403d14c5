package dev.queuescope.perf.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.report.SampleSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A blinded copy keeps only captured data, and the analysis reaches the same verdict on it. */
class BlindingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path results;

    private Path run;

    @BeforeEach
    void aFinishedRun() throws Exception {
        run = Files.createDirectory(results.resolve("20261126-120000-mixed-pool-starvation"));
        // Every request at 60 ms against the sample's 25 ms objective: a missed objective to explain.
        RecordedRun.write(run, 60_000);
        JSON.writeValue(run.resolve("summary.json").toFile(), SampleSummary.missedObjective());
        Files.writeString(run.resolve("shop.log"), "WARN lab pool-starvation is on");
        Files.writeString(run.resolve("queuescope.jfc"), "<configuration/>");
        Analysis.analyse(run);
    }

    @Test
    void theCopyIsRenamedAndHoldsOnlyCapturedData() throws Exception {
        Path blind = Blinding.blind(run);

        assertThat(blind.getFileName().toString()).isEqualTo("20261126-120000-mixed-pool-starvation-blind");
        try (var files = Files.list(blind)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("latency.hlog", "shop.jfr", "summary.json");
        }
        assertThat(Files.readString(blind.resolve("latency.hlog"))).doesNotContain("recorded-run");
    }

    @Test
    void theSummaryLosesTheRunsIdentityLabsEnvironmentAndEarlierAnalysis() throws Exception {
        JsonNode summary = JSON.readTree(Blinding.blind(run).resolve("summary.json").toFile());

        assertThat(summary.at("/run").has("id")).isFalse();
        assertThat(summary.at("/run").has("labs")).isFalse();
        assertThat(summary.at("/run").has("environment")).isFalse();
        assertThat(summary.has("queues")).isFalse();
        assertThat(summary.has("verdict")).isFalse();
        assertThat(summary.at("/run/objectiveP99Ms").asDouble()).isEqualTo(25.0);
    }

    @Test
    void theRecordingIsScrubbedOfConfigurationAndLabEvents() throws Exception {
        Set<String> types = new HashSet<>();
        try (RecordingFile file = new RecordingFile(Blinding.blind(run).resolve("shop.jfr"))) {
            while (file.hasMoreEvents()) {
                types.add(file.readEvent().getEventType().getName());
            }
        }
        assertThat(types).contains("queuescope.HttpRequest")
                .doesNotContain("queuescope.LabActive", "jdk.JVMInformation", "jdk.InitialSystemProperty");
    }

    @Test
    void theBlindAnalysisReachesTheSameVerdict() throws Exception {
        String seen = JSON.readTree(run.resolve("summary.json").toFile()).at("/verdict/queue").asString();

        Analysis.Result blind = Analysis.analyse(Blinding.blind(run));

        assertThat(seen).isEqualTo("db-pool");
        assertThat(blind.verdict().queue()).isEqualTo(seen);
    }
}
