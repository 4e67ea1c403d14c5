package dev.queuescope.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.analysis.Analysis;
import dev.queuescope.perf.analysis.QueueEntry;
import dev.queuescope.perf.analysis.RouteTail;
import dev.queuescope.perf.analysis.TailToCause;
import dev.queuescope.perf.analysis.Verdict;
import dev.queuescope.perf.load.IntervalStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a person sees it: rendered by a real browser (Debian's headless Chromium,
 * installed by {@code make deps}), with its marker in the rendered DOM and nothing on the console.
 * Without a browser the test is skipped on a developer machine and fails under {@code CI=true}.
 */
class ReportRenderTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    record Rendered(String dom, List<String> console) {
    }

    @BeforeAll
    static void browserIsThere() {
        if (!Files.isExecutable(CHROMIUM)) {
            assertThat("true".equals(System.getenv("CI"))).as("CI needs Chromium: run `make deps`").isFalse();
            Assumptions.abort("No Chromium at " + CHROMIUM + " (make deps installs it)");
        }
    }

    @Test
    void theReportRendersItsMarkerAndChartsWithoutConsoleMessages() throws Exception {
        Path report = dir.resolve("report.html");
        HtmlReport.write(report, SampleSummary.missedObjective(),
                List.of(new IntervalStats(0, 200, 200, 0, 0, 1.5, 40, 120, 6),
                        new IntervalStats(1000, 199, 199, 1, 0, 1.6, 35, 100, 5)),
                List.of(Map.of("t", 0.0, "hikaricp_connections_pending", 1.0)));

        Rendered rendered = render(report);

        assertThat(rendered.dom()).contains("id=\"queuescope-report\">Queuescope run 20261126-120000-mixed")
                .contains("<polyline");
        assertThat(rendered.console()).isEmpty();
    }

    @Test
    void theVerdictTheLedgerAndTailToCauseRenderFirstWithoutConsoleMessages() throws Exception {
        Path report = dir.resolve("report.html");
        HtmlReport.write(report, SampleSummary.missedObjective(),
                List.of(new IntervalStats(0, 200, 200, 0, 0, 1.5, 40, 120, 6)), List.of());
        QueueEntry pool = new QueueEntry("db-pool", true, "request", 0.9, 18.1, null, 0.02, 0.9, 0.9, 61.0, false,
                new QueueEntry.LittlesLaw(4.2, 197, 0.018, true), null, List.of("connection wait 18.1 ms per request"));
        QueueEntry gc = new QueueEntry("gc", false, "request", 0, null, null, null, null, null, null, null, null, null,
                List.of("not observed: the run has no jdk.GCPhasePause"));
        TailToCause.Cohort median = new TailToCause.Cohort(100, 3.0, 0.1, Map.of("db-pool", 0.1), 0.5,
                List.of("a.B.c (3 of 9 samples)"), Map.of("catalog", 0.6));
        TailToCause.Cohort tail = new TailToCause.Cohort(2, 300.0, 1.0, Map.of("db-pool", 270.0), 10.0, List.of(),
                Map.of("orders", 1.0));
        LedgerSection.splice(report, new Analysis.Result(List.of(pool, gc),
                new Verdict("db-pool", 0.83, "p99 366.6 ms missed the objective of 25.0 ms", List.of("waiting for it")),
                new TailToCause(median, tail), List.of(10.0, 20.0, 15.0), "flamegraph-tail-vs-median.html",
                List.of(new RouteTail("/api/v1/orders", 300, 366.6, "db-pool", 0.9, Map.of("db-pool", 0.9)),
                        new RouteTail("/api/v1/products/{id}", 2700, 12.0, "cpu", 0.6, Map.of("cpu", 0.6)))));

        Rendered rendered = render(report);

        assertThat(rendered.dom()).contains("Verdict: db-pool", "Queue ledger", "Tail to cause", "By route",
                "flamegraph-tail-vs-median.html");
        assertThat(rendered.dom().indexOf("Verdict: db-pool")).isLessThan(rendered.dom().indexOf("<h2>Run</h2>"));
        assertThat(rendered.console()).isEmpty();
    }

    @Test
    void aPageThatLogsToTheConsoleIsCaught() throws Exception {
        Path page = dir.resolve("noisy.html");
        Files.writeString(page, "<html><body><script>console.error('boom')</script></body></html>");

        assertThat(render(page).console()).anyMatch(line -> line.contains("boom"));
    }

    private Rendered render(Path page) throws IOException, InterruptedException {
        Process browser = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"),
                "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString())
                .redirectError(dir.resolve("chromium.log").toFile())
                .start();
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
        List<String> console = Files.readAllLines(dir.resolve("chromium.log")).stream()
                .filter(line -> line.contains(":CONSOLE")).toList();
        return new Rendered(dom, console);
    }
}
