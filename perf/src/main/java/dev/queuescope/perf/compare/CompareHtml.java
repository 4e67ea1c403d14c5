package dev.queuescope.perf.compare;

import static dev.queuescope.perf.report.SvgChart.escape;

import dev.queuescope.perf.analysis.QueueEntry;
import dev.queuescope.perf.flame.FrameShare;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code compare.html}: the comparison on one self-contained page (no scripts, nothing fetched) in the
 * style of report.html; the differential flame graph is async-profiler's page beside it, linked.
 */
final class CompareHtml {

    private CompareHtml() {
    }

    static void write(Path file, Comparison c) throws IOException {
        RunFigures a = c.a();
        RunFigures b = c.b();
        StringBuilder html = new StringBuilder(16_384);
        html.append("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <title>Queuescope compare %s vs %s</title>
                <style>
                body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:960px;color:#222}
                table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}
                th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
                .ok{color:#176f2c;font-weight:bold}.bad{color:#b00020;font-weight:bold}.same{color:#555}
                .more{color:#b00020}.less{color:#1f4fb4}
                </style></head><body>
                """.formatted(escape(b.id()), escape(a.id())));
        html.append("<h1 id=\"queuescope-compare\">B vs A</h1>\n<p>A = ").append(escape(a.id())).append("<br>B = ")
                .append(escape(b.id())).append("</p>\n");
        for (String caveat : c.caveats()) {
            html.append("<p class=\"bad\">").append(escape(caveat)).append("</p>\n");
        }
        html.append("<h2>Latency, corrected (ms)</h2><table><tr><th></th><th>A</th><th>B</th><th>B − A</th>"
                + "<th>noise band of B − A</th><th>call</th></tr>");
        for (Comparison.Percentile p : c.latencyMs()) {
            html.append("<tr><td>").append(CompareText.label(p.metric())).append("</td><td>").append(CompareText.ms(p.a()))
                    .append("</td><td>").append(CompareText.ms(p.b())).append("</td><td>")
                    .append(CompareText.signed(p.delta())).append("</td><td>");
            if (p.call() == null) {
                html.append("—</td><td class=\"same\">no call (too few requests above it)</td></tr>");
            } else {
                html.append('[').append(CompareText.signed(p.noiseLow())).append(", ")
                        .append(CompareText.signed(p.noiseHigh())).append("]</td><td class=\"")
                        .append(switch (p.call()) {
                            case SLOWER -> "bad";
                            case FASTER -> "ok";
                            case SAME -> "same";
                        }).append("\">").append(p.call().label()).append("</td></tr>");
            }
        }
        html.append("</table>\n<p>").append(escape(c.noise().rule())).append("</p>\n");
        html.append("<h2>Throughput and honesty</h2><table><tr><th></th><th>A</th><th>B</th><th>B − A</th></tr>");
        for (Comparison.Difference d : c.throughput()) {
            String[] cells = CompareText.cells(d);
            row(html, CompareText.label(d.metric()), cells[0], cells[1], cells[2]);
        }
        row(html, "generator", CompareText.generator(a), CompareText.generator(b), "");
        row(html, "p99 objective", CompareText.objective(a), CompareText.objective(b), "");
        row(html, "verdict.queue", CompareText.orUnknown(a.verdictQueue()), CompareText.orUnknown(b.verdictQueue()), "");
        html.append("</table>\n");
        queues(html, c);
        flameGraph(html, c.flameGraph());
        html.append("</body></html>\n");
        Files.writeString(file, html);
    }

    private static void queues(StringBuilder html, Comparison c) {
        html.append("<h2>Queues (from analyse)</h2>");
        Set<String> names = new LinkedHashSet<>();
        c.a().queues().forEach(q -> names.add(q.name()));
        c.b().queues().forEach(q -> names.add(q.name()));
        if (names.isEmpty()) {
            html.append("<p>Neither summary has queues[]: run <code>analyse</code> on the runs.</p>\n");
            return;
        }
        html.append("<table><tr><th>queue</th><th>observed A / B</th><th>wait ms/request A</th><th>B</th>"
                + "<th>share of p99 A</th><th>B</th></tr>");
        for (String name : names) {
            QueueEntry qa = c.a().queue(name);
            QueueEntry qb = c.b().queue(name);
            html.append("<tr><td>").append(escape(name)).append("</td><td>")
                    .append(CompareText.observed(qa) ? "yes" : "no").append(" / ")
                    .append(CompareText.observed(qb) ? "yes" : "no").append("</td><td>")
                    .append(CompareText.field(qa, QueueEntry::waitMsPerRequest, "%.3f")).append("</td><td>")
                    .append(CompareText.field(qb, QueueEntry::waitMsPerRequest, "%.3f")).append("</td><td>")
                    .append(CompareText.field(qa, QueueEntry::shareOfP99, "%.2f")).append("</td><td>")
                    .append(CompareText.field(qb, QueueEntry::shareOfP99, "%.2f")).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static void flameGraph(StringBuilder html, FlameGraphDiff flame) {
        html.append("<h2>Differential flame graph (").append(escape(flame.mode())).append(")</h2>\n<p>");
        if (flame.file() != null) {
            html.append("<a href=\"").append(escape(flame.file())).append("\">").append(escape(flame.file()))
                    .append("</a> (async-profiler): ");
        }
        html.append(escape(flame.note())).append(".</p>\n");
        if (flame.biggestChanges().isEmpty()) {
            return;
        }
        html.append("<table><tr><th>function (share of samples: in it or below it)</th><th>A</th><th>B</th>"
                + "<th>B − A</th></tr>");
        for (FrameShare s : flame.biggestChanges()) {
            html.append("<tr><td>").append(escape(s.frame())).append("</td><td>").append(share(s.baselineShare()))
                    .append("</td><td>").append(share(s.comparisonShare())).append("</td><td class=\"")
                    .append(s.change() > 0 ? "more" : "less").append("\">")
                    .append(String.format(Locale.ROOT, "%+.1f pts", 100 * s.change())).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static String share(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private static void row(StringBuilder html, String label, String a, String b, String delta) {
        html.append("<tr><td>").append(escape(label)).append("</td><td>").append(escape(a)).append("</td><td>")
                .append(escape(b)).append("</td><td>").append(escape(delta)).append("</td></tr>");
    }
}
