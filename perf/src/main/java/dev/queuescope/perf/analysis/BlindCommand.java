package dev.queuescope.perf.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code blind <run-dir>}: a copy at {@code <run-dir>-blind} that only the captured data is left in. */
@Command(name = "blind", mixinStandardHelpOptions = true,
        description = {"Copy a finished run to <RUN_DIR>-blind with only what `analyse` may read: latency.hlog "
                + "(its run-id comment dropped), metrics.jsonl, modules.json, summary.json without run id, labs, environment, "
                + "target, queues, verdict and tailToCause, and shop.jfr/profile.jfr passed through `jfr scrub` "
                + "without " + Blinding.SCRUBBED_EVENTS + ". Logs, settings, the JAR and the report are left out. "
                + "Then `analyse <RUN_DIR>-blind` must reach the same verdict."})
public final class BlindCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a directory under perf/results")
    Path run;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException("No run directory " + run);
        }
        System.out.println(Blinding.blind(run));
        return 0;
    }
}
