package dev.queuescope.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

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
