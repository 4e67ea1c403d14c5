package dev.queuescope.perf.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code analyse <run-dir>}: the queue ledger of a finished run, printed and written to its summary.json. */
@Command(name = "analyse", mixinStandardHelpOptions = true,
        description = {"Split a finished run's request time by resource (queues[] in summary.json), from its "
                + "captured data only (shop.jfr, latency.hlog). First slice: db-pool and db-statements; "
                + "the other resources are reported as not observed."})
public final class AnalyseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a directory under perf/results")
    Path run;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException("No run directory " + run);
        }
        List<QueueEntry> queues = Analysis.analyse(run);
        System.out.println("queue            observed  wait ms/req  service ms/req  share p50  share p99");
        for (QueueEntry q : queues) {
            System.out.println(q.observed()
                    ? String.format(Locale.ROOT, "%-16s %-9s %11s %15s %10s %10s", q.name(), "yes",
                            number(q.waitMsPerRequest(), "%.3f"), number(q.serviceMsPerRequest(), "%.3f"),
                            number(q.shareOfP50(), "%.2f"), number(q.shareOfP99(), "%.2f"))
                    : String.format(Locale.ROOT, "%-16s %-9s", q.name(), "no"));
        }
        return 0;
    }

    /** A measured number, or "?" where the ledger does not measure it yet. */
    private static String number(@Nullable Double value, String format) {
        return value == null ? "?" : String.format(Locale.ROOT, format, value);
    }
}
