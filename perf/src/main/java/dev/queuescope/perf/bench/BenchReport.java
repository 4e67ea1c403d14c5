package dev.queuescope.perf.bench;

import dev.queuescope.perf.run.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What {@code bench} writes: {@code bench.json} for CI and {@code bench.md}, the same table for people. */
record BenchReport(String id, Environment environment, Settings settings, Map<String, Ratio> ratios) {

    /** @param warmupSeconds the longest JIT warm-up of each side (it ends once two 5 s slices agree) */
    record Settings(int repeats, int secondsPerMeasure, int importRows, int concurrency, long warmupSeconds) {
    }

    void write(Path dir) throws IOException {
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValue(dir.resolve("bench.json").toFile(), this);
        Files.writeString(dir.resolve("bench.md"), markdown());
    }

    String markdown() {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "# Bench %s%n%n%d alternating repeats, %d s per measure, %d requests in flight for a maximum "
                        + "and %d baseline connections, p99 at half of each side's maximum (open loop, Poisson).%n%n",
                id, settings.repeats(), settings.secondsPerMeasure(), settings.concurrency(), settings.concurrency()));
        md.append("| measure | compared with | ratio | spread | target | shop | baseline | p99 ms shop / baseline |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        ratios.forEach((key, r) -> md.append(String.format(Locale.ROOT, "| %s (`%s`) | %s | %.2f | %.2f | ≥ %.2f %s | %s | %s | %s |%n",
                r.measure(), key, r.comparedWith(), r.ratio(), r.spread(), r.target(), r.met() ? "✓" : "✗",
                values(r, false), values(r, true), r.p99Ms() == null ? "—"
                        : String.format(Locale.ROOT, "%.1f / %.1f", r.p99Ms(), r.baselineP99Ms()))));
        return md.toString();
    }

    private static String values(Ratio ratio, boolean baseline) {
        StringBuilder text = new StringBuilder();
        for (Ratio.Repeat repeat : ratio.repeats()) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%.0f", baseline ? repeat.baselineValue() : repeat.value()));
        }
        return text + " " + ratio.unit();
    }
}
