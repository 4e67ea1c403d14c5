package dev.queuescope.perf.analysis;

import dev.queuescope.perf.report.LedgerSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code analyse <run-dir>}: the queue ledger and verdict of a finished run, printed and written back. */
@Command(name = "analyse", mixinStandardHelpOptions = true,
        description = {"Split a finished run's request latency by resource and name where the queue built up, "
                + "from its captured data only (shop.jfr, metrics.jsonl, latency.hlog, the scenario's objective in "
                + "summary.json). (Re)writes queues[], verdict and tailToCause in summary.json and the analysis "
                + "section of report.html (when there is one)."})
public final class AnalyseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a directory under perf/results")
    Path run;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException("No run directory " + run);
        }
        Analysis.Result result = Analysis.analyse(run);
        LedgerSection.splice(run.resolve("report.html"), result);
        System.out.println("queue            observed  wait ms/req  service ms/req  share p50  share p99  growing");
        for (QueueEntry q : result.queues()) {
            System.out.println(q.observed()
                    ? String.format(Locale.ROOT, "%-16s %-9s %11s %15s %10s %10s  %s", q.name(), "yes",
                            number(q.waitMsPerRequest(), "%.3f"), number(q.serviceMsPerRequest(), "%.3f"),
                            number(q.shareOfP50(), "%.2f"), number(q.shareOfP99(), "%.2f"),
                            q.growing() == null ? "?" : q.growing() ? "yes" : "no")
                    : String.format(Locale.ROOT, "%-16s %-9s", q.name(), "no"));
        }
        Verdict verdict = result.verdict();
        System.out.printf(Locale.ROOT, "%nVerdict: %s (confidence %.2f)%n  %s%n", verdict.queue(), verdict.confidence(),
                verdict.summary());
        verdict.evidence().forEach(line -> System.out.println("  - " + line));
        return 0;
    }

    /** A measured number, or "?" where the ledger does not measure it. */
    private static String number(@Nullable Double value, String format) {
        return value == null ? "?" : String.format(Locale.ROOT, format, value);
    }
}
