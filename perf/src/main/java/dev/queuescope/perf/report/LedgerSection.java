package dev.queuescope.perf.report;

import dev.queuescope.perf.analysis.Analysis;
import dev.queuescope.perf.analysis.QueueEntry;
import dev.queuescope.perf.analysis.RouteTail;
import dev.queuescope.perf.analysis.TailToCause;
import dev.queuescope.perf.analysis.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The analysis in report.html, between two markers {@link HtmlReport} leaves at the top: the verdict
 * and its evidence, the ledger (share of p50 vs p99 per queue), tail to cause, and the verdict queue's
 * timeline. Re-running {@code analyse} replaces it.
 */
public final class LedgerSection {

    static final String START = "<!-- queuescope:ledger -->";
    static final String END = "<!-- /queuescope:ledger -->";

    private LedgerSection() {
    }

    /** Replaces the section in an existing report; a run without report.html (a blinded copy) is left as is. */
    public static void splice(Path report, Analysis.Result result) throws IOException {
        if (!Files.exists(report)) {
            return;
        }
        String page = Files.readString(report);
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        if (start < 0 || end < start) {
            return;
        }
        Files.writeString(report, page.substring(0, start) + START + html(result) + page.substring(end));
    }

    static String html(Analysis.Result result) {
        StringBuilder html = new StringBuilder(8_192);
        Verdict verdict = result.verdict();
        html.append("<section id=\"verdict\" class=\"verdict").append(verdict.queue().equals("none") ? " none" : "")
                .append("\"><h2>Verdict: ").append(SvgChart.escape(verdict.queue()))
                .append(String.format(Locale.ROOT, " <small>(confidence %.2f)</small></h2><p>", verdict.confidence()))
                .append(SvgChart.escape(verdict.summary())).append("</p><ul>");
        verdict.evidence().forEach(line -> html.append("<li>").append(SvgChart.escape(line)).append("</li>"));
        html.append("</ul></section>\n");
        if (!result.verdictSeries().isEmpty()) {
            html.append(SvgChart.render(verdict.queue() + " per second (the verdict's queue)", "ms", List.of(
                    new SvgChart.Series(verdict.queue(), "#d62728",
                            result.verdictSeries().stream().mapToDouble(Double::doubleValue).toArray()))));
        }
        ledger(html, result.queues());
        tail(html, result.tailToCause());
        routes(html, result.routes());
        if (result.tailFlameGraph() != null) {
            html.append("<p><a href=\"").append(SvgChart.escape(result.tailFlameGraph())).append("\">Differential flame graph: ")
                    .append("the slowest requests vs the median ones</a> (wall-clock samples of the threads serving them, ")
                    .append("in their server windows; red = a larger share in the tail).</p>\n");
        }
        return html.toString();
    }

    private static void ledger(StringBuilder html, List<QueueEntry> queues) {
        html.append("<h2>Queue ledger</h2><table><tr><th>queue</th><th>wait ms/req</th><th>service ms/req</th>")
                .append("<th>share of p50 (blue) / p99 (red)</th><th>growing</th><th>max depth</th>")
                .append("<th>Little's law L vs λW</th></tr>");
        for (QueueEntry q : queues) {
            html.append("<tr><td title=\"").append(SvgChart.escape(String.join("\n", q.evidence()))).append("\">")
                    .append(SvgChart.escape(q.name())).append(q.kind().equals("backlog") ? " (backlog)" : "");
            if (!q.observed()) {
                html.append("</td><td colspan=\"6\" style=\"text-align:left\">not observed</td></tr>");
                continue;
            }
            html.append("</td><td>").append(number(q.waitMsPerRequest())).append("</td><td>")
                    .append(number(q.serviceMsPerRequest())).append("</td><td style=\"text-align:left\">")
                    .append(bar(q.shareOfP50(), "p50")).append("<br>").append(bar(q.shareOfP99(), "p99"))
                    .append("</td><td>").append(q.growing() == null ? "?" : q.growing() ? "<b>yes</b>" : "no")
                    .append("</td><td>").append(number(q.maxDepth())).append("</td><td>");
            if (q.littlesLaw() != null) {
                QueueEntry.LittlesLaw law = q.littlesLaw();
                html.append(String.format(Locale.ROOT, "%.2f vs %.2f %s", law.L(), law.lambda() * law.W(),
                        law.consistent() ? "✓" : "✗"));
            }
            html.append("</td></tr>");
        }
        html.append("</table>\n<p>Hover a queue for its evidence. Shares are fractions of the latency (intended start to "
                + "the server's answer) of the median requests (40th–60th percentile) and of the slowest (p99 and above).</p>\n");
    }

    private static void tail(StringBuilder html, TailToCause tail) {
        html.append("<h2>Tail to cause</h2><table class=\"tail\"><tr><th>ms per request</th><th>median requests (")
                .append(tail.median().requests()).append(")</th><th>slowest requests (").append(tail.tail().requests())
                .append(")</th></tr>");
        html.append("<tr><td><b>latency</b></td><td>").append(number(tail.median().latencyMs())).append("</td><td>")
                .append(number(tail.tail().latencyMs())).append("</td></tr>");
        html.append("<tr><td>of it before a server thread</td><td>").append(number(tail.median().beforeServerMs()))
                .append("</td><td>").append(number(tail.tail().beforeServerMs())).append("</td></tr>");
        tail.median().msByQueue().forEach((queue, ms) -> html.append("<tr><td>").append(queue).append("</td><td>")
                .append(number(ms)).append("</td><td>").append(number(tail.tail().msByQueue().get(queue))).append("</td></tr>"));
        html.append("<tr><td>unaccounted</td><td>").append(number(tail.median().unaccountedMs())).append("</td><td>")
                .append(number(tail.tail().unaccountedMs())).append("</td></tr>");
        html.append("<tr><td>frames on CPU</td><td style=\"text-align:left\">")
                .append(SvgChart.escape(String.join("; ", tail.median().hotFrames())))
                .append("</td><td style=\"text-align:left\">").append(SvgChart.escape(String.join("; ", tail.tail().hotFrames())))
                .append("</td></tr>");
        html.append("<tr><td>CPU samples by module</td><td style=\"text-align:left\">")
                .append(SvgChart.escape(shares(tail.median().samplesByModule()))).append("</td><td style=\"text-align:left\">")
                .append(SvgChart.escape(shares(tail.tail().samplesByModule()))).append("</td></tr></table>\n");
    }

    private static void routes(StringBuilder html, List<RouteTail> routes) {
        if (routes.size() < 2) {
            return;
        }
        html.append("<h2>By route</h2><p>Each route's own slowest 1 % and where their time went: a route with a "
                + "queue of its own shows it here even when another route owns the run's tail.</p><table><tr>"
                + "<th>route</th><th>requests</th><th>p99 ms</th><th>its tail's queues</th></tr>");
        routes.forEach(route -> html.append("<tr><td>").append(SvgChart.escape(route.route())).append("</td><td>")
                .append(route.requests()).append("</td><td>").append(HtmlReport.fmt(route.p99Ms()))
                .append("</td><td style=\"text-align:left\">").append(SvgChart.escape(shares(route.sharesOfP99())))
                .append("</td></tr>"));
        html.append("</table>\n");
    }

    private static String shares(java.util.Map<String, Double> byModule) {
        return byModule.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100 * e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String bar(@Nullable Double share, String cohort) {
        if (share == null) {
            return "?";
        }
        return String.format(Locale.ROOT, "<span class=\"bar %s\" style=\"width:%.0fpx\"></span> %.2f", cohort,
                Math.max(1, 200 * share), share);
    }

    private static String number(@Nullable Double value) {
        return value == null ? "?" : HtmlReport.fmt(value);
    }
}
