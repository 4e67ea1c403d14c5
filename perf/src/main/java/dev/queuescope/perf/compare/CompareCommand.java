package dev.queuescope.perf.compare;

import dev.queuescope.perf.flame.ProfileMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code compare <runA> <runB>}: run B against run A, side by side, with a call per latency percentile
 * that says whether B is faster, slower or the same within the noise of the two runs (the rule:
 * {@link PercentileBootstrap}), and the differential flame graph of B vs A.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare run B with run A: corrected latency percentiles with a call each "
                + "(faster / slower / same within noise, the noise estimated from each run's seconds in "
                + "latency.hlog), throughput, generator honesty, objective, queues, and a differential "
                + "flame graph of B vs A from both runs' profile.jfr.",
                "Writes <results>/compare-<A>-vs-<B>/{compare.json,compare.html,flamegraph-diff-<mode>.html}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared (whatever the calls)", "1:bad input: a run missing or incomplete"})
public final class CompareCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Parameters(index = "0", paramLabel = "A", description = "the baseline: a run directory, or a run id under --results")
    String runA;

    @Parameters(index = "1", paramLabel = "B", description = "the run compared with A: a directory or a run id")
    String runB;

    @Option(names = "--results", defaultValue = "perf/results", paramLabel = "DIR",
            description = "where run ids are looked up (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: <results>/compare-<A>-vs-<B>)")
    @Nullable Path out;

    @Option(names = "--flame", defaultValue = "CPU", paramLabel = "MODE",
            description = "profile of the differential flame graph: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ProfileMode flame;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path a = resolve(runA);
            Path b = resolve(runB);
            RunFigures figuresA = RunFigures.read(a);
            RunFigures figuresB = RunFigures.read(b);
            LatencySeconds secondsA = LatencySeconds.read(a.resolve("latency.hlog"));
            LatencySeconds secondsB = LatencySeconds.read(b.resolve("latency.hlog"));
            Path directory = out != null ? out
                    : results.resolve("compare-" + figuresA.id() + "-vs-" + figuresB.id());
            Files.createDirectories(directory);
            FlameGraphDiff flameGraph = FlameGraphDiff.write(new FlameGraphDiff.Side(figuresA.id(), a, secondsA),
                    new FlameGraphDiff.Side(figuresB.id(), b, secondsB), flame, directory);
            Comparison comparison = Comparison.of(figuresA, figuresB, secondsA, secondsB, flameGraph);
            JSON.writeValue(directory.resolve("compare.json").toFile(), comparison);
            CompareHtml.write(directory.resolve("compare.html"), comparison);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(CompareText.render(comparison));
            stdout.println("Wrote " + directory.resolve("compare.json") + " and " + directory.resolve("compare.html"));
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException badInput) {
            err.println("compare: " + badInput.getMessage());
            err.flush();
            return 1;
        }
    }

    /** A directory as given, else a run id under --results. */
    private Path resolve(String run) {
        Path given = Path.of(run);
        Path path = Files.isDirectory(given) ? given : results.resolve(run);
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("No run " + run + ": neither a directory nor a run id under " + results);
        }
        return path;
    }
}
