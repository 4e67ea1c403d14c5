package dev.queuescope.perf.sweep;

import dev.queuescope.perf.report.SvgChart;
import dev.queuescope.perf.report.XyChart;
import dev.queuescope.perf.report.XyChart.Series;
import dev.queuescope.perf.report.XyChart.Style;
import dev.queuescope.perf.sweep.UniversalScalabilityLaw.Fit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * {@code sweep.html}: one self-contained page — what was swept, the knee and the fit, the steps (each
 * linking to its run's report), then throughput and latency over the offered rate and the USL curve
 * over the measured points. Steps where the generator fell behind are drawn apart, in grey.
 */
final class SweepPage {

    private static final String EXCLUDED = "#aaaaaa";
    /** Points on the USL curve: smooth at the chart's width. */
    private static final int CURVE_POINTS = 120;

    private SweepPage() {
    }

    static void write(Path file, Sweep sweep) throws IOException {
        List<Step> trusted = sweep.steps().stream().filter(s -> !s.generatorSaturated()).toList();
        List<Step> excluded = sweep.steps().stream().filter(Step::generatorSaturated).toList();
        XyChart.Marker knee = sweep.knee() == null ? null
                : new XyChart.Marker("knee", sweep.knee().offeredRate());
        StringBuilder html = new StringBuilder(16_384);
        html.append("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <title>Queuescope sweep %s</title>
                <style>
                body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:960px;color:#222}
                table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}
                th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
                .bad{color:#b00020;font-weight:bold}.excluded{color:#888}
                svg.chart{width:100%%;height:auto;background:#fafafa;font-size:11px}.axis{stroke:#999}
                figure{margin:0 0 1em}figcaption{font-weight:bold}
                </style></head><body>
                """.formatted(SvgChart.escape(sweep.id())));
        html.append("<h1 id=\"queuescope-sweep\">Queuescope sweep ").append(SvgChart.escape(sweep.id())).append("</h1>\n");
        overview(html, sweep);
        stepsTable(html, sweep);
        html.append(XyChart.render("Throughput over offered rate", "req/s offered", "req/s", List.of(
                new Series("offered", "#999999", Style.DASHED, column(sweep.steps(), Step::offeredRate),
                        column(sweep.steps(), Step::offeredRate)),
                new Series("achieved", "#2ca02c", Style.LINE_AND_DOTS, column(trusted, Step::offeredRate),
                        column(trusted, Step::achievedRate)),
                new Series("generator fell behind", EXCLUDED, Style.DOTS, column(excluded, Step::offeredRate),
                        column(excluded, Step::achievedRate))), knee));
        html.append(XyChart.render("Latency over offered rate (corrected)", "req/s offered", "ms", List.of(
                new Series("p50", "#1f77b4", Style.LINE_AND_DOTS, column(trusted, Step::offeredRate),
                        column(trusted, Step::p50Ms)),
                new Series("p99", "#d62728", Style.LINE_AND_DOTS, column(trusted, Step::offeredRate),
                        column(trusted, Step::p99Ms)),
                new Series("p99, generator fell behind", EXCLUDED, Style.DOTS, column(excluded, Step::offeredRate),
                        column(excluded, Step::p99Ms))), knee));
        html.append(XyChart.render("Throughput over concurrency: the USL fit and the measured steps",
                "in flight (N = X·R)", "req/s", uslSeries(sweep, trusted, excluded), null));
        html.append("</body></html>\n");
        Files.writeString(file, html);
    }

    private static void overview(StringBuilder html, Sweep sweep) {
        html.append("<table>");
        row(html, "scenario", sweep.scenario());
        Calibration c = sweep.calibration();
        row(html, "capacity", fmt(sweep.capacity()) + " req/s" + (c == null ? " (given)"
                : " (estimated: " + fmt(c.rate()) + " req/s used " + fmt(100 * c.processCpuShare())
                        + " % of the machine's CPU in run " + c.run() + ")"));
        row(html, "each step", fmt(sweep.warmupSeconds()) + " s ramped warm-up, then " + fmt(sweep.durationSeconds())
                + " s measured, the shop started afresh");
        Knee knee = sweep.knee();
        row(html, "knee", knee == null ? "none: every step kept up"
                : "at " + fmt(knee.percent()) + " % (" + fmt(knee.offeredRate()) + " req/s offered): "
                        + (knee.throughputFellBehind() ? "throughput fell behind" : "")
                        + (knee.throughputFellBehind() && knee.p99LeftPlateau() ? ", " : "")
                        + (knee.p99LeftPlateau() ? "p99 left its plateau" : ""));
        if (knee != null) {
            row(html, "queue that grew first", knee.queueThatGrewFirst() == null ? "unknown (no queue measured at"
                    + " both the knee and the step before it grew more than the others)" : knee.queueThatGrewFirst());
        }
        Fit usl = sweep.usl();
        row(html, "USL fit", usl == null ? "none: fewer than " + UniversalScalabilityLaw.MIN_POINTS + " usable steps"
                : "λ " + fmt(usl.lambda()) + " req/s, σ (contention) " + fmt(usl.sigma()) + ", κ (coherence) "
                        + fmt(usl.kappa()) + ", R² " + fmt(usl.rSquared())
                        + (usl.peakConcurrency() == null ? "" : "; peak at N = " + fmt(usl.peakConcurrency()))
                        + (usl.peakThroughput() == null ? "" : (usl.peakConcurrency() == null
                                ? "; ceiling " : ", ") + fmt(usl.peakThroughput()) + " req/s"));
        html.append("</table>\n");
    }

    private static void stepsTable(StringBuilder html, Sweep sweep) {
        html.append("<h2>Steps</h2><table><tr><th>step</th><th>offered req/s</th><th>sent</th><th>achieved</th>"
                + "<th>p50 ms</th><th>p99 ms</th><th>mean ms</th><th>N</th><th></th></tr>");
        for (Step s : sweep.steps()) {
            html.append(s.generatorSaturated() ? "<tr class=\"excluded\">" : "<tr>").append("<td><a href=\"")
                    .append(SvgChart.escape(s.run() + "/report.html")).append("\">").append(fmt(s.percent()))
                    .append(" %</a></td>");
            for (double value : new double[] {s.offeredRate(), s.sentRate(), s.achievedRate(), s.p50Ms(), s.p99Ms(),
                    s.meanMs(), s.concurrency()}) {
                html.append("<td>").append(fmt(value)).append("</td>");
            }
            html.append("<td style=\"text-align:left\">").append(s.generatorSaturated()
                    ? "generator fell behind: left out" : sweep.knee() != null && sweep.knee().percent() == s.percent()
                            ? "<span class=\"bad\">knee</span>" : "").append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static List<Series> uslSeries(Sweep sweep, List<Step> trusted, List<Step> excluded) {
        Series measured = new Series("measured", "#1f77b4", Style.DOTS, column(trusted, Step::concurrency),
                column(trusted, Step::achievedRate));
        Series behind = new Series("generator fell behind", EXCLUDED, Style.DOTS, column(excluded, Step::concurrency),
                column(excluded, Step::achievedRate));
        Fit usl = sweep.usl();
        if (usl == null) {
            return List.of(measured, behind);
        }
        double end = 1.2 * trusted.stream().mapToDouble(Step::concurrency).max().orElse(1);
        double[] n = IntStream.rangeClosed(0, CURVE_POINTS).mapToDouble(i -> end * i / CURVE_POINTS).toArray();
        return List.of(new Series("USL", "#ff7f0e", Style.LINE, n, Arrays.stream(n)
                .map(usl::throughputAt).toArray()), measured, behind);
    }

    private static double[] column(List<Step> steps, ToDoubleFunction<Step> f) {
        return steps.stream().mapToDouble(f).toArray();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td>").append(label).append("</td><td style=\"text-align:left\">")
                .append(SvgChart.escape(value)).append("</td></tr>");
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
