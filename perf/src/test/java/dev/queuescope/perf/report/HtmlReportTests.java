package dev.queuescope.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.load.ClassedSecond;
import dev.queuescope.perf.load.IntervalStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTests {

    @TempDir
    Path dir;

    private final Summary summary = SampleSummary.missedObjective();

    private final List<IntervalStats> seconds = List.of(
            new IntervalStats(0, 200, 200, 0, 0, 1.5, 40, 120, 6),
            new IntervalStats(1000, 199, 199, 1, 0, 1.6, 35, 100, 5));

    @Test
    void thePageIsSelfContained() throws Exception {
        String html = render();

        assertThat(html).contains("id=\"queuescope-report\"").doesNotContain("<script", "<link", "src=", "url(")
                .contains("<svg");
    }

    @Test
    void correctedAndUncorrectedLatencyStandSideBySide() throws Exception {
        String html = render();

        assertThat(html).contains("corrected (from intended start)</td><td>1.50</td><td>3.00</td><td>40.0</td>")
                .contains("uncorrected (from actual send)</td><td>1.40</td><td>2.50</td><td>6.00</td>");
    }

    @Test
    void aMissedObjectiveAndEachSampledQueueAreShown() throws Exception {
        String html = render();

        assertThat(html).contains("p99 ≤ 25.0 ms: <span class=\"bad\">missed</span>")
                .contains("aria-label=\"hikaricp_connections_pending\"")
                .contains("href=\"flamegraph-cpu.html\"");
    }

    @Test
    void onlyTheMeasuredPhasesSamplesArePlotted() {
        List<Map<String, Double>> samples = List.of(Map.of("t", -500.0), Map.of("t", 0.0), Map.of("t", 1999.0),
                Map.of("t", 2000.0));

        assertThat(HtmlReport.measuredPhase(samples, seconds)).extracting(row -> row.get("t")).containsExactly(0.0, 1999.0);
    }

    @Test
    void anOverloadRunShowsItsPhasesGoalsAndPhaseMarkers() throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(file, SampleSummary.overloaded(), seconds, List.of(), List.of(
                new ClassedSecond(0, 180, 20, 0, 40, 2, 0), new ClassedSecond(1000, 190, 9, 0, 35, 1.5, 0)));
        String html = Files.readString(file);

        assertThat(html).contains("id=\"overload\"").contains("<td>overload</td><td>20.0</td><td>60.0</td><td>400</td>")
                .contains("kept up, sends p99 1.20 ms late")
                .contains("goodput</td><td style=\"text-align:left\"><span class=\"ok\">met</span>")
                .contains("stroke-dasharray").contains("aria-label=\"p99 per second by answer, corrected\"");
    }

    @Test
    void aPlainRunHasNoOverloadSection() throws Exception {
        assertThat(render()).doesNotContain("id=\"overload\"", "stroke-dasharray");
    }

    @Test
    void aProviderOutageRunShowsItsPhasesGoalsAndPhaseMarkers() throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(file, SampleSummary.providerOutage(), seconds, List.of());
        String html = Files.readString(file);

        assertThat(html).contains("id=\"outage\"").doesNotContain("id=\"overload\"")
                .contains("<td>outage</td><td>20.0</td><td>10.0</td><td>85.0</td>")
                .contains("catalog isolated</td><td style=\"text-align:left\"><span class=\"bad\">missed</span>")
                .contains("breaker opened</td><td style=\"text-align:left\"><span class=\"ok\">met</span>")
                .contains("all paid</td><td style=\"text-align:left\"><span class=\"ok\">met</span>: 42 orders")
                .contains("stroke-dasharray");
    }

    @Test
    void recordingsAKilledShopLeftUnreadableAreNamedInTheSelfCheck() throws Exception {
        Summary.SelfCheck setAside = new Summary.SelfCheck(null, null, List.of("shop.jfr", "profile.jfr"));
        HtmlReport.write(dir.resolve("report.html"), new Summary(summary.run(), summary.generator(), summary.latencyMs(),
                summary.latencyMsUncorrected(), summary.throughput(), summary.endpoints(), summary.objectiveMet(),
                summary.artifacts(), setAside), seconds, List.of());

        assertThat(Files.readString(dir.resolve("report.html"))).contains("unreadable, set aside as &lt;name&gt;"
                + ".incomplete: shop.jfr, profile.jfr").doesNotContain("no recording");
    }

    @Test
    void aPlainRunHasNoOutageSection() throws Exception {
        assertThat(render()).doesNotContain("id=\"outage\"");
    }

    private String render() throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(file, summary, seconds, List.of(
                Map.of("t", 100.0, "hikaricp_connections_pending", 0.0),
                Map.of("t", 500.0, "hikaricp_connections_pending", 3.0)));
        return Files.readString(file);
    }
}
