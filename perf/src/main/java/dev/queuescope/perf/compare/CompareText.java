package dev.queuescope.perf.compare;

import dev.queuescope.perf.analysis.QueueEntry;
import dev.queuescope.perf.flame.FrameShare;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The comparison as a table for the terminal, A and B side by side, then B − A, its noise band and the call. */
final class CompareText {

    private CompareText() {
    }

    static String render(Comparison c) {
        StringBuilder out = new StringBuilder();
        RunFigures a = c.a();
        RunFigures b = c.b();
        out.append("A = ").append(a.id()).append("\nB = ").append(b.id()).append("\n\n");
        c.caveats().forEach(caveat -> out.append("CAVEAT: ").append(caveat).append('\n'));
        out.append(c.caveats().isEmpty() ? "" : "\n");
        out.append(String.format(Locale.ROOT, "%-26s %14s %14s %10s  %-22s %s%n", "latency, corrected (ms)", "A", "B",
                "B - A", "noise band of B - A", "call"));
        for (Comparison.Percentile p : c.latencyMs()) {
            out.append(String.format(Locale.ROOT, "  %-24s %14s %14s %10s  %-22s %s%n", label(p.metric()), ms(p.a()),
                    ms(p.b()), signed(p.delta()), p.call() == null ? "-" : "[" + signed(p.noiseLow()) + ", "
                            + signed(p.noiseHigh()) + "]",
                    p.call() == null ? "no call (too few requests above it)" : p.call().label()));
        }
        out.append(String.format(Locale.ROOT, "%n%-26s %14s %14s %10s%n", "throughput", "A", "B", "B - A"));
        for (Comparison.Difference d : c.throughput()) {
            String[] cells = cells(d);
            out.append(String.format(Locale.ROOT, "  %-24s %14s %14s %10s%n", label(d.metric()), cells[0], cells[1],
                    cells[2]));
        }
        out.append(String.format(Locale.ROOT, "  %-24s %14s %14s%n", "generator", generator(a), generator(b)));
        out.append(String.format(Locale.ROOT, "  %-24s %14s %14s%n", "p99 objective", objective(a), objective(b)));
        out.append(String.format(Locale.ROOT, "  %-24s %14s %14s%n", "verdict.queue", orUnknown(a.verdictQueue()),
                orUnknown(b.verdictQueue())));
        queues(out, c);
        out.append("\nnoise: ").append(c.noise().rule()).append('\n');
        FlameGraphDiff flame = c.flameGraph();
        out.append("flame graph (").append(flame.mode()).append("): ")
                .append(flame.file() == null ? flame.note() : flame.file() + " — " + flame.note()).append('\n');
        for (FrameShare change : flame.biggestChanges()) {
            out.append(String.format(Locale.ROOT, "  %s pts  %5.1f %% -> %5.1f %%  %s%n", signed(100 * change.change()),
                    100 * change.baselineShare(), 100 * change.comparisonShare(), change.frame()));
        }
        return out.toString();
    }

    private static void queues(StringBuilder out, Comparison c) {
        if (c.a().queues().isEmpty() && c.b().queues().isEmpty()) {
            out.append("\nqueues: neither summary has queues[] (run `analyse` on the runs)\n");
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        c.a().queues().forEach(q -> names.add(q.name()));
        c.b().queues().forEach(q -> names.add(q.name()));
        List<String> unobserved = new ArrayList<>();
        out.append(String.format(Locale.ROOT, "%n%-26s %10s %10s %10s %10s%n", "queue", "wait ms A", "wait ms B",
                "p99 shr A", "p99 shr B"));
        for (String name : names) {
            QueueEntry qa = c.a().queue(name);
            QueueEntry qb = c.b().queue(name);
            if (!observed(qa) && !observed(qb)) {
                unobserved.add(name);
                continue;
            }
            out.append(String.format(Locale.ROOT, "  %-24s %10s %10s %10s %10s%n", name,
                    field(qa, QueueEntry::waitMsPerRequest, "%.3f"), field(qb, QueueEntry::waitMsPerRequest, "%.3f"),
                    field(qa, QueueEntry::shareOfP99, "%.2f"), field(qb, QueueEntry::shareOfP99, "%.2f")));
        }
        if (!unobserved.isEmpty()) {
            out.append("  not observed in either run: ").append(String.join(", ", unobserved)).append('\n');
        }
    }

    static boolean observed(@Nullable QueueEntry queue) {
        return queue != null && queue.observed();
    }

    /** A measured number, or "?" where the run's ledger has no value (not measured, or no entry at all). */
    static String field(@Nullable QueueEntry queue, Function<QueueEntry, @Nullable Double> value, String format) {
        Double v = queue == null ? null : value.apply(queue);
        return v == null ? "?" : String.format(Locale.ROOT, format, v);
    }

    /** A, B and B − A of a throughput metric: requests per second, or a rate as a percentage. */
    static String[] cells(Comparison.Difference d) {
        if (d.metric().equals("requestsPerSecond")) {
            return new String[] {String.format(Locale.ROOT, "%.1f", d.a()), String.format(Locale.ROOT, "%.1f", d.b()),
                    String.format(Locale.ROOT, "%+.1f", d.delta())};
        }
        return new String[] {percent(d.a()), percent(d.b()), String.format(Locale.ROOT, "%+.2f pts", 100 * d.delta())};
    }

    /** Whether the run met its scenario's objective, with the objective: two runs need not share one. */
    static String objective(RunFigures run) {
        return (run.objectiveMet() ? "met" : "missed") + " (" + plain(run.objectiveP99Ms()) + " ms)";
    }

    /** 25 for 25.0, 12.5 for 12.5: a setting, not a measurement. */
    static String plain(double setting) {
        return BigDecimal.valueOf(setting).stripTrailingZeros().toPlainString();
    }

    static String generator(RunFigures run) {
        return run.generator().saturated() ? "SATURATED" : "kept up";
    }

    static String orUnknown(@Nullable String value) {
        return value == null ? "?" : value;
    }

    static String label(String metric) {
        return switch (metric) {
            case "p999" -> "p99.9";
            case "requestsPerSecond" -> "requests/s";
            case "errorRate" -> "error rate";
            case "rejectedRate" -> "rejected rate";
            default -> metric;
        };
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }
}
