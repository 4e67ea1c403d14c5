package dev.queuescope.perf.report;

import dev.queuescope.perf.load.ClassedSecond;
import dev.queuescope.perf.load.IntervalStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * {@code report.html}: one self-contained page read top-down — the run and whether the generator
 * was honest, latency over time (corrected and uncorrected), throughput and errors, every sampled
 * queue metric on the same time axis, then links to the raw artifacts.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static void write(Path file, Summary summary, List<IntervalStats> perSecond,
            List<Map<String, Double>> metricsPerSecond) throws IOException {
        write(file, summary, perSecond, metricsPerSecond, List.of());
    }

    /** @param perSecondByClass responses split by class, second by second; drawn for overload runs */
    public static void write(Path file, Summary summary, List<IntervalStats> perSecond,
            List<Map<String, Double>> metricsPerSecond, List<ClassedSecond> perSecondByClass) throws IOException {
        StringBuilder html = new StringBuilder(32_768);
        html.append("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <title>Queuescope run %s</title>
                <style>
                body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:960px;color:#222}
                table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}
                th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
                .ok{color:#176f2c;font-weight:bold}.verdict{border:2px solid #b00020;padding:.5em 1em;margin:1em 0}
                .verdict.none{border-color:#176f2c}.bar{display:inline-block;height:.8em;background:#d62728;vertical-align:middle}
                .bar.p50{background:#1f77b4}table.tail td{max-width:360px;overflow-wrap:anywhere}.bad{color:#b00020;font-weight:bold}
                svg.chart{width:100%%;height:auto;background:#fafafa;font-size:11px}.axis{stroke:#999}
                figure{margin:0 0 1em}figcaption{font-weight:bold}
                </style></head><body>
                """.formatted(SvgChart.escape(summary.run().id())));
        html.append("<h1 id=\"queuescope-report\">Queuescope run ").append(SvgChart.escape(summary.run().id()))
                .append("</h1>\n");
        // The verdict and its evidence come first; `analyse` fills this in (LedgerSection).
        html.append(LedgerSection.START).append(LedgerSection.END).append('\n');
        runSection(html, summary);
        latencySection(html, summary);
        List<Summary.Phase> phased = summary.overload() != null ? summary.overload().phases()
                : summary.outage() != null ? summary.outage().phases() : List.of();
        List<SvgChart.Marker> phases = phased.stream().map(p -> new SvgChart.Marker(p.startSecond(), p.name())).toList();
        if (summary.overload() != null) {
            overloadSection(html, summary.overload());
        }
        if (summary.outage() != null) {
            outageSection(html, summary.outage());
        }
        html.append("<h2>Over time</h2>\n");
        html.append(SvgChart.render("Latency per second, corrected (from intended start)", "ms", List.of(
                new SvgChart.Series("p50", "#1f77b4", column(perSecond, IntervalStats::p50Ms)),
                new SvgChart.Series("p99", "#d62728", column(perSecond, IntervalStats::p99Ms)),
                new SvgChart.Series("p99 uncorrected", "#ff9896", column(perSecond, IntervalStats::p99MsUncorrected))),
                phases));
        if (summary.overload() != null && !perSecondByClass.isEmpty()) {
            html.append(SvgChart.render("p99 per second by answer, corrected", "ms", List.of(
                    new SvgChart.Series("2xx", "#2ca02c", classColumn(perSecondByClass, ClassedSecond::success,
                            ClassedSecond::successP99Ms)),
                    new SvgChart.Series("429/503", "#9467bd", classColumn(perSecondByClass, ClassedSecond::refused,
                            ClassedSecond::refusedP99Ms)),
                    new SvgChart.Series("other", "#d62728", classColumn(perSecondByClass, ClassedSecond::other,
                            ClassedSecond::otherP99Ms))),
                    phases));
        }
        html.append(SvgChart.render("Requests per second", "req/s", List.of(
                new SvgChart.Series("sent", "#1f77b4", column(perSecond, s -> s.sent())),
                new SvgChart.Series("completed", "#2ca02c", column(perSecond, s -> s.completed())),
                new SvgChart.Series("errors", "#d62728", column(perSecond, s -> s.errors())),
                new SvgChart.Series("rejected", "#9467bd", column(perSecond, s -> s.rejected())))));
        metricsSection(html, measuredPhase(metricsPerSecond, perSecond));
        artifactsSection(html, summary);
        html.append("</body></html>\n");
        Files.writeString(file, html);
    }

    private static void runSection(StringBuilder html, Summary summary) {
        Summary.Run run = summary.run();
        Summary.Generator generator = summary.generator();
        html.append("<h2>Run</h2><table>");
        row(html, "scenario", run.scenario());
        row(html, "target", run.target());
        row(html, "arrivals", run.arrivals() + " (open model: sends at intended times, whatever the responses)");
        row(html, "intended rate", fmt(generator.intendedRate()) + " req/s for " + fmt(run.durationSeconds())
                + " s after " + fmt(run.warmupSeconds()) + " s ramped warm-up (excluded)");
        row(html, "achieved send rate", fmt(generator.achievedRate()) + " req/s");
        rowHtml(html, "generator", generator.saturated()
                ? "<span class=\"bad\">SATURATED: " + SvgChart.escape(generator.saturationReason())
                        + " — the results understate what the service can do</span>"
                : "<span class=\"ok\">kept up</span> (" + fmt(generator.cpuMicrosPerRequest()) + " µs CPU per request)");
        row(html, "connections", "at most " + generator.maxConnections()
                + (generator.connectionCapReached() ? " — cap reached: requests waited for a connection" : ""));
        row(html, "pinning", generator.pinned());
        Long lost = summary.selfCheck().jfrDroppedEvents();
        List<String> setAside = summary.selfCheck().recordingsSetAside();
        row(html, "JFR self-check", !setAside.isEmpty() ? "unreadable, set aside as <name>.incomplete: "
                + String.join(", ", setAside) + " — the shop was killed before it finished writing them; this run "
                + "has no evidence from them" : lost == null ? "no recording" : lost == 0 ? "no events lost"
                : lost + " bytes of events lost to full buffers: the recording is incomplete");
        rowHtml(html, "objective", "p99 ≤ " + fmt(run.objectiveP99Ms()) + " ms: "
                + (summary.objectiveMet() ? "<span class=\"ok\">met</span>" : "<span class=\"bad\">missed</span>"));
        row(html, "environment", run.environment().jdk() + ", " + run.environment().cpus() + " × "
                + run.environment().cpuModel() + ", " + run.environment().kernel() + ", commit "
                + run.environment().gitCommit());
        html.append("</table>\n");
    }

    private static void latencySection(StringBuilder html, Summary summary) {
        html.append("<h2>Latency (ms)</h2><table><tr><th></th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>");
        latencyRow(html, "corrected (from intended start)", summary.latencyMs());
        latencyRow(html, "uncorrected (from actual send)", summary.latencyMsUncorrected());
        html.append("</table>\n<table><tr><th>endpoint</th><th>requests</th><th>p50</th><th>p99</th></tr>");
        summary.endpoints().forEach((name, e) -> html.append("<tr><td>").append(SvgChart.escape(name))
                .append("</td><td>").append(e.count()).append("</td><td>").append(fmt(e.p50())).append("</td><td>")
                .append(fmt(e.p99())).append("</td></tr>"));
        Summary.Throughput t = summary.throughput();
        html.append("</table>\n<p>").append(fmt(t.requestsPerSecond())).append(" req/s completed; errors ")
                .append(fmt(100 * t.errorRate())).append(" %, rejected (429/503) ").append(fmt(100 * t.rejectedRate()))
                .append(" %.</p>\n");
    }

    /** Whether the generator kept up in the phase, and how late its sends were (part of every latency). */
    private static String generator(Summary.Phase p) {
        return (p.saturated() ? "<span class=\"bad\">fell behind</span>" : "kept up")
                + (p.schedulerLagP99Ms() == null ? "" : ", sends p99 " + fmt(p.schedulerLagP99Ms()) + " ms late");
    }

    private static void overloadSection(StringBuilder html, Summary.Overload o) {
        html.append("<h2 id=\"overload\">Overload</h2>\n<p>Knee ").append(fmt(o.knee().rate()))
                .append(" req/s, maximum throughput ").append(o.knee().maxThroughputLowerBound() ? "at least " : "")
                .append(fmt(o.knee().maxThroughput())).append(" req/s (from ")
                .append(SvgChart.escape(o.knee().source())).append("). Requests count in the phase of their intended "
                        + "start; latencies are corrected.</p>\n<table><tr><th>phase</th><th>from s</th><th>s</th>"
                        + "<th>offered</th><th>sent</th><th>2xx/s</th><th>429/503 per s</th><th>other/s</th>"
                        + "<th>p99 all</th><th>p99 2xx</th><th>p99 429/503</th><th>generator</th></tr>");
        for (Summary.Phase p : o.phases()) {
            html.append("<tr><td>").append(SvgChart.escape(p.name())).append("</td><td>").append(fmt(p.startSecond()))
                    .append("</td><td>").append(fmt(p.seconds())).append("</td><td>").append(fmt(p.intendedRate()))
                    .append("</td><td>").append(fmt(p.sentRate())).append("</td><td>").append(fmt(p.goodputPerSecond()))
                    .append("</td><td>").append(fmt(p.refusedPerSecond())).append("</td><td>")
                    .append(fmt(p.otherPerSecond())).append("</td><td>").append(fmt(p.p99Ms())).append("</td><td>")
                    .append(orDash(p.successP99Ms())).append("</td><td>").append(orDash(p.refusedP99Ms()))
                    .append("</td><td>").append(generator(p)).append("</td></tr>");
        }
        html.append("</table>\n<table>");
        goal(html, "goodput", fmt(o.goodputRatio()) + " × the maximum throughput, " + fmt(o.maxThroughputPerSecond())
                + " req/s (" + fmt(o.goodputPerSecond()) + " 2xx/s in " + o.overloadPhase() + "); goal ≥ 0.9",
                o.goals().goodput());
        goal(html, "refusals as fast as normal answers", "p99 of 429/503 " + orDash(o.rejectP99Ms())
                + " ms vs the baseline's p99 " + fmt(o.baselineP99Ms()) + " ms" + rejectTimes(o.rejectTimes()),
                o.goals().fastRejects());
        goal(html, "no crash", o.crashed() ? String.join("; ", o.crashEvidence()) : "process alive, no OutOfMemoryError, "
                + "kept answering", o.goals().noCrash());
        goal(html, "recovery", o.recoverySeconds() == null ? "p99 never got back within 1.5 × the baseline's"
                : "p99 back within 1.5 × the baseline's " + o.recoverySeconds() + " s after the overload phase; goal ≤ 5 s",
                o.goals().recovered());
        html.append("</table>\n");
    }

    private static String rejectTimes(Summary.@Nullable RejectTimes times) {
        return times == null ? "" : "; of it, p99 " + fmt(times.beforeShopP99Ms()) + " ms before the shop's first filter "
                + "saw the request and " + fmt(times.inShopP99Ms()) + " ms inside the shop (" + times.refusals()
                + " refusals in its recording)";
    }

    private static void outageSection(StringBuilder html, Summary.Outage o) {
        html.append("<h2 id=\"outage\">Provider outage</h2>\n<p>The payment provider was down for ").append(o.seconds())
                .append(" s from the start of phase ").append(SvgChart.escape(o.outagePhase()))
                .append("; rates from the knee ").append(fmt(o.knee().rate())).append(" req/s (")
                .append(SvgChart.escape(o.knee().source())).append("). Catalog reads are the scenario's GET requests; "
                        + "requests count in the phase of their intended start; latencies are corrected.</p>\n<table>"
                        + "<tr><th>phase</th><th>from s</th><th>s</th><th>offered</th><th>sent</th><th>2xx/s</th>"
                        + "<th>other/s</th><th>p99 all</th><th>generator</th></tr>");
        for (Summary.Phase p : o.phases()) {
            html.append("<tr><td>").append(SvgChart.escape(p.name())).append("</td><td>").append(fmt(p.startSecond()))
                    .append("</td><td>").append(fmt(p.seconds())).append("</td><td>").append(fmt(p.intendedRate()))
                    .append("</td><td>").append(fmt(p.sentRate())).append("</td><td>").append(fmt(p.goodputPerSecond()))
                    .append("</td><td>").append(fmt(p.otherPerSecond() + p.refusedPerSecond())).append("</td><td>")
                    .append(fmt(p.p99Ms())).append("</td><td>")
                    .append(generator(p)).append("</td></tr>");
        }
        html.append("</table>\n<table>");
        goal(html, "catalog isolated", "catalog p99 " + fmt(o.catalogP99OutageMs()) + " ms in the outage vs "
                + fmt(o.catalogP99BaselineMs()) + " ms in the baseline: " + fmt(o.catalogP99Ratio()) + " ×, goal ≤ 1.5"
                + (o.catalogP99AfterMs() == null ? "" : "; " + fmt(o.catalogP99AfterMs()) + " ms after it"),
                o.goals().catalogIsolated());
        goal(html, "breaker opened", o.breakerOpened() ? "open in " + o.breakerOpenSeconds()
                + " of the seconds sampled from the outage on" : "never seen open", o.goals().breakerOpened());
        goal(html, "all paid", o.ordersDuringOutage() + " orders taken during the outage; "
                + (o.unsettledAtEnd() == null ? "unpaid orders at the end unknown"
                        : o.unsettledAtEnd() + " placed more than 10 s before the end still unpaid"),
                o.goals().allPaid());
        html.append("</table>\n");
    }

    private static void goal(StringBuilder html, String name, String detail, boolean met) {
        rowHtml(html, name, (met ? "<span class=\"ok\">met</span>: " : "<span class=\"bad\">missed</span>: ")
                + SvgChart.escape(detail));
    }

    private static String orDash(Double value) {
        return value == null ? "–" : fmt(value);
    }

    private static double[] classColumn(List<ClassedSecond> rows, ToDoubleFunction<ClassedSecond> count,
            ToDoubleFunction<ClassedSecond> p99) {
        return rows.stream().mapToDouble(r -> count.applyAsDouble(r) > 0 ? p99.applyAsDouble(r) : Double.NaN).toArray();
    }

    private static void metricsSection(StringBuilder html, List<Map<String, Double>> rows) {
        html.append("<h2>Queues (sampled every second from the service's metrics)</h2>\n");
        if (rows.isEmpty()) {
            html.append("<p>No metrics were sampled.</p>\n");
            return;
        }
        List<String> names = new ArrayList<>(rows.getFirst().keySet());
        for (Map<String, Double> row : rows) {
            row.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        }
        names.remove("t");
        for (String name : names) {
            double[] values = rows.stream().mapToDouble(r -> r.getOrDefault(name, Double.NaN)).toArray();
            boolean counter = name.endsWith("_sum") || name.endsWith("_count");
            String title = counter ? name + " (per second)" : name;
            html.append(SvgChart.render(title, "", List.of(
                    new SvgChart.Series(title, "#1f77b4", counter ? perSecondIncrease(values) : values))));
        }
    }

    /** The samples taken during the measured phase, so queues and latency share one time axis. */
    static List<Map<String, Double>> measuredPhase(List<Map<String, Double>> rows, List<IntervalStats> perSecond) {
        if (perSecond.isEmpty()) {
            return rows;
        }
        double from = perSecond.getFirst().startEpochMillis();
        double to = perSecond.getLast().startEpochMillis() + 1_000;
        return rows.stream().filter(r -> r.containsKey("t") && r.get("t") >= from && r.get("t") < to).toList();
    }

    /** Counters (a histogram's _sum and _count) grow forever; their increase per second is the signal. */
    private static double[] perSecondIncrease(double[] totals) {
        double[] increase = new double[totals.length];
        increase[0] = Double.NaN;
        for (int i = 1; i < totals.length; i++) {
            increase[i] = totals[i] - totals[i - 1];
        }
        return increase;
    }

    private static void artifactsSection(StringBuilder html, Summary summary) {
        Summary.Artifacts a = summary.artifacts();
        html.append("<h2>Artifacts</h2><ul>");
        link(html, a.jfr(), "JFR recording of the service (open in JDK Mission Control, or `jfr summary`)");
        link(html, a.flamegraphs().cpu(), "flame graph: CPU (async-profiler)");
        link(html, a.flamegraphs().wall(), "flame graph: wall clock — where threads wait");
        link(html, a.flamegraphs().alloc(), "flame graph: allocations");
        link(html, a.flamegraphs().lock(), "flame graph: contended locks");
        link(html, a.hlog(), "HdrHistogram interval log, corrected latencies per second");
        link(html, a.metrics(), "sampled metrics, one JSON object per second");
        link(html, a.shopLog(), "the service's log");
        link(html, "summary.json", "summary.json");
        html.append("</ul>\n");
    }

    private static void link(StringBuilder html, String target, String label) {
        if (target != null) {
            html.append("<li><a href=\"").append(SvgChart.escape(target)).append("\">").append(SvgChart.escape(label))
                    .append("</a></li>");
        }
    }

    private static void latencyRow(StringBuilder html, String label, Summary.Latency l) {
        html.append("<tr><td>").append(label).append("</td><td>").append(fmt(l.p50())).append("</td><td>")
                .append(fmt(l.p90())).append("</td><td>").append(fmt(l.p99())).append("</td><td>")
                .append(fmt(l.p999())).append("</td><td>").append(fmt(l.max())).append("</td></tr>");
    }

    private static void row(StringBuilder html, String label, String value) {
        rowHtml(html, label, SvgChart.escape(value));
    }

    private static void rowHtml(StringBuilder html, String label, String valueHtml) {
        html.append("<tr><td>").append(label).append("</td><td style=\"text-align:left\">").append(valueHtml)
                .append("</td></tr>");
    }

    private static double[] column(List<IntervalStats> rows, ToDoubleFunction<IntervalStats> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
