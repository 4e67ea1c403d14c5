package dev.queuescope.perf.sweep;

import dev.queuescope.perf.run.Checkout;
import dev.queuescope.perf.run.RunCommand;
import dev.queuescope.perf.scenario.Scenario;
import dev.queuescope.perf.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sweep}: one normal {@code run} per step at rising shares of the capacity, then the knee, the
 * queue that grew first there, and the Universal Scalability Law fitted to the steps.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find the knee and fit the Universal Scalability Law: one run per step at rising load.",
                "Runs the scenario at rising shares of the shop's capacity, each step a normal run with the shop "
                        + "started afresh, and finds the knee (the first step whose throughput falls below 90 %% "
                        + "of the rate sent, or from which p99 stays above twice the median p99 of the first "
                        + "three steps), the queue that grew first there, and the Universal Scalability Law fitted "
                        + "to the steps (concurrency N = throughput × mean latency). Steps where the generator "
                        + "fell behind are flagged and left out. Writes perf/results/<YYYYMMDD-HHMMSS>-sweep-"
                        + "<scenario>/{sweep.json,sweep.html} with the step runs inside; perf/results/latest-sweep "
                        + "points at it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the sweep ran", "1:the sweep failed"})
public final class SweepCommand implements Callable<Integer> {

    @Option(names = "--scenario", defaultValue = "mixed", paramLabel = "NAME|FILE",
            description = "scenario name in perf/scenarios, or a .json file (default: ${DEFAULT-VALUE})")
    String scenarioName;

    @Option(names = "--steps", defaultValue = "10,25,50,75,100,125,150", split = ",", paramLabel = "PERCENT",
            description = "offered rates, as %% of the capacity (default: ${DEFAULT-VALUE})")
    List<Double> percents;

    @Option(names = "--capacity", paramLabel = "REQ/S",
            description = "the rate the steps are shares of (default: estimated from the shop's CPU use in a "
                    + "light calibration run, see docs/perf-guide.md)")
    @Nullable Double capacity;

    @Option(names = "--calibration-rate", defaultValue = "50", paramLabel = "REQ/S",
            description = "the calibration run's rate, light enough for any machine (default: ${DEFAULT-VALUE})")
    double calibrationRate;

    @Option(names = "--duration", defaultValue = "20s", converter = RunCommand.DurationConverter.class,
            paramLabel = "TIME", description = "measured phase of each step, e.g. 30s, 2m (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "5s", converter = RunCommand.DurationConverter.class,
            paramLabel = "TIME", description = "ramped warm-up of each step, excluded (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Mixin
    Checkout checkout;

    @Override
    public Integer call() throws Exception {
        if (percents.stream().anyMatch(p -> !(p > 0))) {
            throw new IllegalArgumentException("Steps are positive percentages of the capacity: " + percents);
        }
        if (capacity != null && !(capacity > 0)) {
            throw new IllegalArgumentException("The capacity is a positive rate, req/s: " + capacity);
        }
        Scenario scenario = ScenarioLoader.load(scenarioName, checkout.scenarios());
        SweepDirectory sweep = SweepDirectory.create(checkout.results(), scenario.name());
        System.out.println("Sweep " + sweep.id() + " -> " + sweep.path());
        Calibration calibration = capacity == null ? calibrate(sweep) : null;
        double full = calibration == null ? capacity : calibration.capacity();
        List<Double> rising = percents.stream().distinct().sorted().toList();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < rising.size(); i++) {
            double percent = rising.get(i);
            double rate = full * percent / 100;
            System.out.printf(Locale.ROOT, "Step %d/%d: %.0f %% = %.1f req/s%n", i + 1, rising.size(), percent, rate);
            Path run = run(sweep.stepRoot(String.format(Locale.ROOT, "step-%02d", i + 1)), rate);
            steps.add(StepReader.read(percent, run, sweep.path()));
        }
        Sweep result = Sweep.of(sweep.id(), scenario.name(), full, calibration, seconds(duration), seconds(warmup),
                steps);
        sweep.write(result);
        print(System.out, result);
        System.out.println("Report: " + sweep.path().resolve("sweep.html"));
        return 0;
    }

    private Calibration calibrate(SweepDirectory sweep) throws IOException {
        System.out.printf(Locale.ROOT, "Calibration: %.0f req/s%n", calibrationRate);
        Calibration calibration = Calibration.of(run(sweep.stepRoot("calibration"), calibrationRate), sweep.path());
        System.out.printf(Locale.ROOT, "Capacity ≈ %.0f req/s (%.0f req/s used %.1f %% of the machine's CPU)%n",
                calibration.capacity(), calibration.rate(), 100 * calibration.processCpuShare());
        return calibration;
    }

    /** A normal run into a results root of its own; returns its run directory. */
    private Path run(Path root, double rate) throws IOException {
        int exit = new CommandLine(new RunCommand()).execute("--scenario=" + scenarioName, "--rate=" + rate,
                "--duration=" + duration.toMillis() + "ms", "--warmup=" + warmup.toMillis() + "ms", "--repo=" + checkout.dir(),
                "--results=" + root);
        // Saturated (the generator fell behind) is a result: the step is flagged, not the sweep failed.
        if (exit != 0 && exit != RunCommand.SATURATED) {
            throw new IOException("The run at " + rate + " req/s failed (exit " + exit + "): see above and " + root);
        }
        return root.resolve(Files.readSymbolicLink(root.resolve("latest")));
    }

    static void print(PrintStream out, Sweep sweep) {
        Knee knee = sweep.knee();
        out.println("  step   offered      sent  achieved    p50 ms    p99 ms   mean ms         N");
        for (Step s : sweep.steps()) {
            out.printf(Locale.ROOT, "%5.0f %% %9.1f %9.1f %9.1f %9.2f %9.2f %9.2f %9.2f  %s%n", s.percent(),
                    s.offeredRate(), s.sentRate(), s.achievedRate(), s.p50Ms(), s.p99Ms(), s.meanMs(), s.concurrency(),
                    s.generatorSaturated() ? "generator fell behind: left out"
                            : knee != null && knee.percent() == s.percent() ? "<- knee" : "");
        }
        out.println(knee == null ? "Knee: none, every step kept up"
                : String.format(Locale.ROOT, "Knee: %.0f %% (%.1f req/s)%s%s; queue that grew first: %s",
                        knee.percent(), knee.offeredRate(), knee.throughputFellBehind() ? ", throughput fell behind" : "",
                        knee.p99LeftPlateau() ? ", p99 left its plateau" : "",
                        knee.queueThatGrewFirst() == null ? "?" : knee.queueThatGrewFirst()));
        UniversalScalabilityLaw.Fit usl = sweep.usl();
        out.println(usl == null ? "USL: not fitted (fewer than " + UniversalScalabilityLaw.MIN_POINTS + " usable steps)"
                : String.format(Locale.ROOT, "USL: λ %.1f req/s, σ %.4f, κ %.6f, R² %.3f%s", usl.lambda(), usl.sigma(),
                        usl.kappa(), usl.rSquared(), limit(usl)));
    }

    private static String limit(UniversalScalabilityLaw.Fit usl) {
        if (usl.peakConcurrency() != null) {
            return String.format(Locale.ROOT, "; peak %.0f req/s at N = %.1f", usl.peakThroughput(),
                    usl.peakConcurrency());
        }
        return usl.peakThroughput() == null ? "; no limit in sight"
                : String.format(Locale.ROOT, "; ceiling %.0f req/s", usl.peakThroughput());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
