package dev.queuescope.perf.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.analysis.ShopEventsForTests.ConnectionAcquire;
import dev.queuescope.perf.analysis.ShopEventsForTests.DbStatement;
import dev.queuescope.perf.analysis.ShopEventsForTests.HttpRequest;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.queuescope.perf.report.SampleSummary;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger on a recording written the way the shop writes it: 99 quick requests and one that
 * waited 40 ms for a pooled connection. Read blind: only the run's shop.jfr and latency.hlog.
 */
class AnalysisTests {

    @TempDir
    Path run;

    @BeforeEach
    void captureARun() throws Exception {
        RecordedRun.write(run, 1_000);
        Files.writeString(run.resolve("summary.json"), "{\"run\":{\"id\":\"x\"}}");
    }

    @Test
    void aRequestThatWaitedForAConnectionMakesThePoolTheTailsResource() throws Exception {
        QueueEntry pool = named(Analysis.analyse(run).queues(), "db-pool");

        assertThat(pool.observed()).isTrue();
        assertThat(pool.shareOfP99()).isGreaterThan(0.8);
        assertThat(pool.shareOfP50()).isLessThan(0.1);
        assertThat(pool.waitMsPerRequest()).isBetween(0.3, 0.5);
    }

    @Test
    void statementsAreCountedPerRequestInsideTheMeasuredWindowOnly() throws Exception {
        QueueEntry statements = named(Analysis.analyse(run).queues(), "db-statements");

        assertThat(statements.observed()).isTrue();
        assertThat(statements.evidence().getFirst()).isEqualTo("1.00 statements per request");
        assertThat(statements.evidence()).anyMatch(line -> line.startsWith("d1: 100 executions"));
    }

    @Test
    void whatWasNotCapturedIsNotObservedAndTheSummaryGetsTheLedger() throws Exception {
        List<QueueEntry> queues = Analysis.analyse(run).queues();

        assertThat(named(queues, "gc").observed()).isFalse();
        JsonNode summary = JsonMapper.builder().build().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.at("/run/id").asString()).isEqualTo("x");
        assertThat(summary.at("/queues").size()).isEqualTo(Queue.values().length);
        assertThat(summary.at("/queues/1/name").asString()).isEqualTo("db-pool");
    }

    @Test
    void theAnalysedSummaryMatchesItsPublishedSchema() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        json.writeValue(run.resolve("summary.json").toFile(), SampleSummary.missedObjective());

        Analysis.analyse(run);

        JsonNode analysed = json.readTree(run.resolve("summary.json").toFile());
        try (InputStream schema = getClass().getResourceAsStream("/summary.schema.json")) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(analysed)).isEmpty();
        }
        // The generator measured 1 ms (latency.hlog) against the sample's 25 ms objective: nothing to name.
        assertThat(analysed.at("/verdict/queue").asString()).isEqualTo("none");
        assertThat(analysed.at("/tailToCause/tail/msByQueue/db-pool").asDouble()).isGreaterThan(30);
    }

    private static QueueEntry named(List<QueueEntry> queues, String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

}
