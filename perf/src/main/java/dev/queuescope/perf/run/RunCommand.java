package dev.queuescope.perf.run;

import dev.queuescope.perf.analysis.Analysis;
import dev.queuescope.perf.labs.Lab;
import dev.queuescope.perf.labs.LabCatalog;
import dev.queuescope.perf.load.ArrivalProcess;
import dev.queuescope.perf.load.LoadPlan;
import dev.queuescope.perf.load.LoadResult;
import dev.queuescope.perf.load.OpenLoopGenerator;
import dev.queuescope.perf.load.RatePhase;
import dev.queuescope.perf.outage.OutageEndpoints;
import dev.queuescope.perf.outage.OutageTrigger;
import dev.queuescope.perf.outage.ProviderControl;
import dev.queuescope.perf.outage.UnsettledOrders;
import dev.queuescope.perf.overload.CrashCheck;
import dev.queuescope.perf.overload.Knee;
import dev.queuescope.perf.report.HtmlReport;
import dev.queuescope.perf.report.JfrSelfCheck;
import dev.queuescope.perf.report.LedgerSection;
import dev.queuescope.perf.report.SummaryFactory;
import dev.queuescope.perf.report.Summary;
import dev.queuescope.perf.scenario.Credentials;
import dev.queuescope.perf.scenario.Discovery;
import dev.queuescope.perf.scenario.Scenario;
import dev.queuescope.perf.scenario.ScenarioLoader;
import dev.queuescope.perf.scenario.ScenarioRequests;
import dev.queuescope.perf.scenario.ShopAccounts;
import dev.queuescope.perf.sweep.Calibration;
import dev.queuescope.perf.sweep.SweptKnee;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run}: start the shop (or attach to a running service), drive the scenario, capture,
 * write summary.json and report.html. Exit 0 when the run is trustworthy, 3 when the generator
 * could not keep up (results flagged), 1 on failure.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drive open-loop load at the shop (started here with JFR) or at a running service, "
                + "and write perf/results/<run-id>/{summary.json,report.html,shop.jfr,latency.hlog,metrics.jsonl}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run is trustworthy", "1:the run failed", "3:the generator could not keep up (results flagged)"})
public final class RunCommand implements Callable<Integer> {

    public static final int SATURATED = 3;

    static final String DEFAULT_SCENARIO = "mixed";
    static final double DEFAULT_RATE = 100;

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "scenario name in perf/scenarios, or a .json file (default: the lab's when one --lab is "
                    + "given, else " + DEFAULT_SCENARIO + ")")
    @Nullable String scenarioName;

    @Option(names = "--rate", paramLabel = "REQ/S",
            description = "intended arrival rate after warm-up (default: the lab's when one --lab is given, else 100)")
    @Nullable Double rate;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "TIME",
            description = "measured phase, e.g. 30s, 2m (default: ${DEFAULT-VALUE}); a scenario with phases "
                    + "lasts as long as its phases")
    Duration duration;

    @Option(names = "--knee", paramLabel = "REQ/S",
            description = "scenarios with phases (overload, provider-outage): the knee their rateOfKnee multiplies "
                    + "and the maximum throughput goodput is a share of (default: the newest sweep of the scenario's "
                    + "kneeScenario in perf/results, else a short calibration run)")
    @Nullable Double knee;

    /*
     * 30 s: with 15 s at 50 req/s the JIT compiler threads still took a tenth of a core in the window,
     * and a healthy shop's p99 was 39 ms; with 30 s it was 20 and 21 ms (docs/perf-guide.md, "Warm-up").
     */
    @Option(names = "--warmup", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "TIME",
            description = "ramped warm-up, excluded from statistics; the JIT compiles the shop's hot paths "
                    + "in it (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--arrivals", defaultValue = "POISSON", paramLabel = "CONSTANT|POISSON",
            description = "arrival process (default: ${DEFAULT-VALUE})")
    ArrivalProcess arrivals;

    @Option(names = "--connections", paramLabel = "N",
            description = "keep-alive connection cap (default: 64; a phased run " + PHASED_CONNECTIONS + ")")
    @Nullable Integer connections;

    /**
     * An overload run must let the excess reach the service: with as few connections as the shop's
     * concurrency limit (64), the requests past it would queue in the generator, never be refused,
     * and the run would measure the generator's queue (measured: p99 13 s, no 503, 2026-11-27).
     */
    static final int PHASED_CONNECTIONS = 512;

    /**
     * Runs are not pinned to cores. Tried for overload runs (2026-11-27, mixed, knee 173 req/s from an
     * unpinned sweep): the shop pinned to one core had half the machine (p99 403 ms at half the knee),
     * so "2× the knee" meant 4× its capacity; the generator alone pinned to a core the shop also used
     * fell behind (scheduler lag p90 1.6 s). Unpinned, the generator stayed honest at 347 req/s.
     */
    static final String NOT_PINNED = "none: generator and shop share both cores, as in the sweep the knee came from";

    /**
     * The shop the kit starts (and its PostgreSQL, its child) runs at this niceness, so whenever both are
     * runnable the generator (at 0) gets a core first and measures the shop's queues, not its own lateness,
     * which is part of every latency it records. At twice the knee, at equal niceness, its sends were p99
     * 177 ms late (p90 12.3 ms: fell behind) and the refusals' p99 was 668 ms; at 10, 8 ms late (2026-11-27).
     * Two lab runs fell behind the same way at 55 and 60 req/s (scheduler lag p90 16 and 26 ms).
     */
    public static final int SHOP_NICENESS = 10;

    @Option(names = "--shop-nice", defaultValue = "" + SHOP_NICENESS, paramLabel = "N",
            description = "the niceness the kit starts the shop (and its PostgreSQL) at (default: ${DEFAULT-VALUE})")
    int shopNiceness;

    @Option(names = "--seed", defaultValue = "42", description = "random seed of arrivals and request choices")
    long seed;

    @Option(names = "--lab", split = ",", paramLabel = "NAME",
            description = "labs of perf/labs.json to switch on in the started shop (their properties and JVM options)")
    List<String> labs = new ArrayList<>();

    @Option(names = "--shop-property", paramLabel = "NAME=VALUE",
            description = "a Spring property for the started shop, repeatable (e.g. spring.datasource.hikari.maximum-pool-size=1)")
    List<String> shopProperties = new ArrayList<>();

    @Option(names = "--shop-jvm-option", paramLabel = "OPTION",
            description = "an extra JVM option for the started shop, repeatable (e.g. -Xmx128m; after app/jvm.options, so it wins)")
    List<String> shopJvmOptions = new ArrayList<>();

    @Option(names = "--target", paramLabel = "URL", description = "attach: the running service's base URL")
    @Nullable URI target;

    @Option(names = "--pid", paramLabel = "PID", description = "attach: the service's JVM, recorded with JFR through jcmd")
    @Nullable Long pid;

    @Option(names = "--management", paramLabel = "URL",
            description = "attach: the service's management base URL for metrics (default: none sampled)")
    @Nullable URI management;

    @Option(names = "--provider-control", paramLabel = "URL",
            description = "attach: the payment provider stub's base URL (e.g. http://127.0.0.1:8082), for scenarios "
                    + "whose phase takes the provider down (provider-outage); the kit knows the stub of a shop it starts")
    @Nullable URI providerControl;

    @Option(names = "--no-profiler", description = "leave async-profiler out (to measure its overhead)")
    boolean noProfiler;

    @Option(names = "--keep-data", description = "keep the shop's data root (~150 MB) in the run directory")
    boolean keepData;

    @Mixin
    Checkout checkout;

    /** For {@code sweep}: its steps' runs go inside the sweep, out of the newest runs kept in perf/results. */
    @Option(names = "--results", hidden = true, paramLabel = "DIR",
            description = "where the run directory goes (default: perf/results)")
    @Nullable Path runs;

    @Override
    public Integer call() throws Exception {
        if (!labs.isEmpty() && target != null) {
            throw new IllegalArgumentException("Labs switch the shop the kit starts; they cannot be applied to --target");
        }
        List<Lab> selected = labs.isEmpty() ? List.of() : LabCatalog.load(checkout.dir()).select(labs);
        for (Lab lab : selected) {
            shopProperties.addAll(lab.shopProperties());
            shopJvmOptions.addAll(lab.jvmOptions());
        }
        // One lab brings the scenario and rate that provoke it; several labs need them named.
        Lab only = selected.size() == 1 ? selected.getFirst() : null;
        Scenario scenario = ScenarioLoader.load(scenarioName != null ? scenarioName
                : only != null ? only.scenario() : DEFAULT_SCENARIO, checkout.scenarios());
        double rate = this.rate != null ? this.rate : only != null ? only.rate() : DEFAULT_RATE;
        boolean phased = scenario.phases() != null;
        if (phased && this.rate != null) {
            throw new IllegalArgumentException("--rate does not apply to scenario " + scenario.name()
                    + ": its phases set the rates");
        }
        OptionalInt outagePhase = scenario.providerOutagePhase();
        OutageEndpoints outageEndpoints = outagePhase.isPresent() ? OutageEndpoints.of(scenario) : null;
        checkProviderControl(scenario, outagePhase.isPresent());
        Path results = checkout.results();
        RunDirectory run = RunDirectory.create(runs == null ? results : runs, scenario.name(), labs);
        System.out.println("Run " + run.id() + " -> " + run.path());
        Path jfc = JfrSettings.write(run.file("queuescope.jfc"));
        Knee kneeUsed = phased ? knee(scenario, results, run) : null;
        List<RatePhase> phases = phased ? phases(scenario, kneeUsed) : List.of();

        try (Service service = target == null ? startShop(run, jfc) : attach(run, jfc)) {
            if (service.management() != null) {
                ModuleStructure.save(service.management(), run.file("modules.json"));
            }
            ProviderControl control = outagePhase.isPresent() ? new ProviderControl(service.providerControl()) : null;
            if (control != null) {
                control.check();
            }
            Map<String, List<String>> values = new Discovery(service.target(), service.admin(),
                    target == null ? SeededTemplate.SEED_PATH : null).prepare(scenario);
            int sockets = connections != null ? connections : phased ? PHASED_CONNECTIONS : 64;
            LoadPlan plan = phased
                    ? LoadPlan.phased(service.target(), phases, warmup, arrivals, sockets, Duration.ofSeconds(30),
                            run.id(), seed)
                    : new LoadPlan(service.target(), rate, warmup, duration, arrivals, sockets,
                            Duration.ofSeconds(30), run.id(), seed);
            LoadResult result;
            try (MetricsSampler sampler = service.management() == null ? null
                    : new MetricsSampler(service.management(), run.file("metrics.jsonl"));
                    OpenLoopGenerator generator = new OpenLoopGenerator(plan,
                            new ScenarioRequests(scenario, values, run.id(), seed), run.file("latency.hlog"))) {
                ProgressPrinter progress = new ProgressPrinter(System.out, System.console() != null);
                result = generator.run(control == null ? progress : progress.andThen(new OutageTrigger(control,
                        outagePhase.getAsInt(), outageSeconds(scenario, outagePhase.getAsInt()))));
                progress.finish();
            }
            // Right after the load, before the shop stops: the backlog it still owes.
            Integer unsettled = outagePhase.isPresent() ? unsettledOrders(service, values) : null;
            Boolean aliveAfterLoad = service.alive();
            service.close();
            if (!keepData) {
                RunDirectory.deleteTree(run.file("data"));
            }
            List<String> unfinished = IncompleteRecordings.setAside(run.path());
            if (!unfinished.isEmpty()) {
                System.out.println("Unreadable, so set aside as <name>.incomplete: " + String.join(", ", unfinished)
                        + " — a shop killed before it finished writing them (see shop.log); this run has no "
                        + "evidence from them");
            }
            Map<String, String> flameGraphs = AsyncProfiler.flameGraphs(run.file("profile.jfr"), run.path());
            List<Map<String, Double>> metrics = MetricsSampler.read(run.file("metrics.jsonl"));
            Summary summary = SummaryFactory.create(run, scenario, plan, result, service.environment(),
                    Files.exists(run.file("shop.jfr")) ? "shop.jfr" : null, flameGraphs,
                    new Summary.SelfCheck(JfrSelfCheck.droppedBytes(run.file("shop.jfr")), null, unfinished),
                    phased && outagePhase.isEmpty() ? SummaryFactory.overload(result, kneeUsed,
                            CrashCheck.of(aliveAfterLoad, service.log(), result.perSecond()), run.file("shop.jfr"))
                            : null,
                    outagePhase.isPresent() ? SummaryFactory.outage(result, kneeUsed, outagePhase.getAsInt(),
                            outageSeconds(scenario, outagePhase.getAsInt()), outageEndpoints, metrics, unsettled)
                            : null);
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValue(run.file("summary.json").toFile(), summary);
            HtmlReport.write(run.file("report.html"), summary, result.perSecond(), metrics,
                    result.perSecondByClass());
            Analysis.Result analysis = Analysis.analyse(run.path());
            LedgerSection.splice(run.file("report.html"), analysis);
            System.out.printf("p50 %.2f ms, p99 %.2f ms (uncorrected p99 %.2f ms), %.0f req/s, errors %.2f %%%n",
                    summary.latencyMs().p50(), summary.latencyMs().p99(), summary.latencyMsUncorrected().p99(),
                    summary.throughput().requestsPerSecond(), 100 * summary.throughput().errorRate());
            if (summary.overload() != null) {
                printOverload(summary.overload());
            }
            if (summary.outage() != null) {
                printOutage(summary.outage());
            }
            System.out.println("Verdict: " + analysis.verdict().queue() + " — " + analysis.verdict().summary());
            System.out.println("Report: " + run.file("report.html"));
            if (result.saturated()) {
                System.out.println("The generator could not keep up: " + result.saturationReason());
                return SATURATED;
            }
            return 0;
        }
    }

    /** The knee, from --knee, else the newest sweep of the knee scenario, else a short calibration run. */
    private Knee knee(Scenario scenario, Path results, RunDirectory run) throws IOException {
        if (knee != null) {
            if (!(knee > 0)) {
                throw new IllegalArgumentException("--knee is a positive rate, req/s: " + knee);
            }
            // A stated knee says nothing of the maximum throughput beyond it: at least the knee.
            return new Knee(knee, knee, true, "option");
        }
        String kneeScenario = scenario.kneeScenario() != null ? scenario.kneeScenario() : scenario.name();
        Optional<SweptKnee> swept = SweptKnee.latest(results, kneeScenario);
        if (swept.isPresent()) {
            return new Knee(swept.get().rate(), swept.get().maxThroughput(), swept.get().lowerBound(),
                    "sweep " + swept.get().sweep());
        }
        System.out.printf(Locale.ROOT, "No sweep of %s with a knee in %s: calibrating at %.0f req/s (pass --knee, "
                + "or run make perf-sweep SCENARIO=%s first, for a measured knee)%n", kneeScenario, results,
                CALIBRATION_RATE, kneeScenario);
        Path root = run.file("calibration");
        List<String> args = new ArrayList<>(List.of("--scenario=" + kneeScenario, "--rate=" + CALIBRATION_RATE,
                "--duration=10s", "--warmup=5s", "--repo=" + checkout.dir(), "--results=" + root));
        if (target != null) {
            args.add("--target=" + target);
            if (management != null) {
                args.add("--management=" + management);
            }
        }
        int exit = new picocli.CommandLine(new RunCommand()).execute(args.toArray(String[]::new));
        if (exit != 0 && exit != SATURATED) {
            throw new IOException("The calibration run failed (exit " + exit + "): pass --knee");
        }
        Calibration calibration = SweptKnee.calibrate(root.resolve(Files.readSymbolicLink(root.resolve("latest"))),
                run.path());
        return new Knee(calibration.capacity(), calibration.capacity(), false, "calibration " + calibration.run());
    }

    /**
     * A provider outage needs the stub's control: the kit knows it for the shop it starts; an attached service
     * must name it, and its management URL, where the breaker's state is read.
     */
    private void checkProviderControl(Scenario scenario, boolean outage) {
        if (providerControl != null && target == null) {
            throw new IllegalArgumentException("--provider-control goes with --target: the kit knows the payment "
                    + "provider stub of the shop it starts");
        }
        if (outage && target != null && (providerControl == null || management == null)) {
            throw new IllegalArgumentException("Scenario " + scenario.name() + " takes the payment provider down "
                    + "and reads its breaker's state: with --target, pass --provider-control=<the stub's URL, e.g. "
                    + "http://127.0.0.1:8082> and --management=<the shop's management URL>, or let the kit start the shop");
        }
    }

    private static int outageSeconds(Scenario scenario, int phase) {
        return scenario.phases().get(phase).providerOutageSeconds();
    }

    /** Orders still unpaid, as the admin reads the shop's outbox; null (and why, printed) when it cannot. */
    private static @Nullable Integer unsettledOrders(Service service, Map<String, List<String>> values)
            throws InterruptedException {
        List<String> setupToken = values.get(Discovery.ADMIN_TOKEN);
        Credentials admin = service.admin();
        if (setupToken == null && admin == null) {
            System.out.println("Unpaid orders unknown: reading the shop's outbox needs its admin (for a shop the kit "
                    + "did not start: QUEUESCOPE_ADMIN_PASSWORD, or QUEUESCOPE_DATA with its admin-password file)");
            return null;
        }
        try {
            String adminToken = setupToken != null ? setupToken.getFirst()
                    : new ShopAccounts(service.target()).login(admin);
            return UnsettledOrders.count(service.target(), adminToken);
        } catch (IOException e) {
            System.out.println("Unpaid orders unknown: " + e.getMessage());
            return null;
        }
    }

    /** A light rate for the calibration run: the sweep's default. */
    static final double CALIBRATION_RATE = 50;

    static List<RatePhase> phases(Scenario scenario, Knee knee) {
        return scenario.phases().stream().map(p -> new RatePhase(p.name(),
                p.rate() != null ? p.rate() : p.rateOfKnee() * knee.rate(), Duration.ofSeconds(p.seconds()))).toList();
    }

    private static void printOverload(Summary.Overload o) {
        System.out.printf(Locale.ROOT, "Overload (knee %.1f req/s, max throughput %s%.1f req/s, from %s):%n",
                o.knee().rate(), o.knee().maxThroughputLowerBound() ? "at least " : "", o.knee().maxThroughput(),
                o.knee().source());
        printPhases(o.phases());
        System.out.printf(Locale.ROOT, "  goodput %.2f × max throughput %.1f req/s%s; refusals p99 %s ms%s vs baseline "
                + "p99 %.2f ms%s; recovered %s; %s%n", o.goodputRatio(), o.maxThroughputPerSecond(),
                o.goals().goodput() ? "" : " (goal 0.9)",
                o.rejectP99Ms() == null ? "-" : String.format(Locale.ROOT, "%.2f", o.rejectP99Ms()),
                o.rejectTimes() == null ? "" : String.format(Locale.ROOT, " (waiting before the shop %.2f, inside %.2f)",
                        o.rejectTimes().beforeShopP99Ms(), o.rejectTimes().inShopP99Ms()),
                o.baselineP99Ms(), o.goals().fastRejects() ? "" : " (slower)",
                o.recoverySeconds() == null ? "never" : "after " + o.recoverySeconds() + " s",
                o.crashed() ? "CRASHED: " + String.join("; ", o.crashEvidence()) : "no crash");
    }

    private static void printOutage(Summary.Outage o) {
        System.out.printf(Locale.ROOT, "Provider outage (%d s from the start of phase %s; knee %.1f req/s from %s):%n",
                o.seconds(), o.outagePhase(), o.knee().rate(), o.knee().source());
        printPhases(o.phases());
        System.out.printf(Locale.ROOT, "  catalog p99 %.2f ms in the baseline, %.2f ms in the outage (%.2f ×%s), %s ms "
                + "after%n", o.catalogP99BaselineMs(), o.catalogP99OutageMs(), o.catalogP99Ratio(),
                o.goals().catalogIsolated() ? "" : ", goal 1.5",
                o.catalogP99AfterMs() == null ? "-" : String.format(Locale.ROOT, "%.2f", o.catalogP99AfterMs()));
        System.out.printf(Locale.ROOT, "  breaker %s; %d orders taken during the outage, %s unpaid at the end%s%n",
                o.breakerOpened() ? "opened (open ~" + o.breakerOpenSeconds() + " s)" : "NEVER OPENED",
                o.ordersDuringOutage(), o.unsettledAtEnd() == null ? "?" : o.unsettledAtEnd(),
                o.goals().allPaid() ? "" : " (goal: orders taken, none unpaid)");
    }

    private static void printPhases(List<Summary.Phase> phases) {
        for (Summary.Phase p : phases) {
            System.out.printf(Locale.ROOT, "  %-10s %8.1f req/s offered, %8.1f sent, %8.1f 2xx/s, %8.1f refused/s, "
                    + "p99 %.2f ms%s%s%n", p.name(), p.intendedRate(), p.sentRate(), p.goodputPerSecond(),
                    p.refusedPerSecond(), p.p99Ms(), p.schedulerLagP99Ms() == null ? ""
                            : String.format(Locale.ROOT, ", sends p99 %.2f ms late", p.schedulerLagP99Ms()),
                    p.saturated() ? "  (generator fell behind: " + p.saturationReason() + ")" : "");
        }
    }

    private Service startShop(RunDirectory run, Path jfc)
            throws IOException, InterruptedException {
        Path built = checkout.builtShop();
        Path jvmOptions = checkout.jvmOptions();
        // The run keeps the JAR it measured (a hard link: no copy); the shop starts from the template's extraction of it.
        Path jar = run.file("shop.jar");
        try {
            Files.createLink(jar, built.toAbsolutePath());
        } catch (IOException | UnsupportedOperationException noLink) {
            Files.copy(built, jar, StandardCopyOption.COPY_ATTRIBUTES);
        }
        ShopProcess.Ports ports = ShopProcess.Ports.free();
        SeededTemplate template = SeededTemplate.ensure(checkout.templates(), new ShopProcess.Options(jar,
                jvmOptions, run.file("data"), ports, List.of(), List.of(), run.file("shop.log"), 0));
        template.copyData(run.file("data"));
        List<String> recording = new ArrayList<>(shopJvmOptions);
        recording.addAll(List.of("-XX:StartFlightRecording=name=queuescope,settings=" + jfc
                + ",filename=" + run.file("shop.jfr") + ",dumponexit=true"));
        if (!noProfiler) {
            recording.add(AsyncProfiler.agentOption(run.file("profile.jfr")));
            recording.addAll(template.aotCacheOptions());
        }
        ShopProcess shop = ShopProcess.start(new ShopProcess.Options(template.jar(), jvmOptions, run.file("data"), ports,
                recording, shopProperties, run.file("shop.log"), shopNiceness));
        List<String> jvm = new ArrayList<>(ShopProcess.jvmOptions(jvmOptions));
        jvm.addAll(recording);
        shopProperties.forEach(property -> jvm.add("--" + property));
        return new Service(shop.shop(), shop.management(), shop.admin(), shop.providerControl(),
                Environment.capture(checkout.dir(), jvm, NOT_PINNED + "; the shop at nice " + shopNiceness),
                shop::close, shop::isAlive, run.file("shop.log"));
    }

    private Service attach(RunDirectory run, Path jfc) throws IOException, InterruptedException {
        if (pid != null) {
            Jcmd.run(pid, "JFR.start", "name=queuescope", "settings=" + jfc, "filename=" + run.file("shop.jfr"));
        }
        Long recorded = pid;
        return new Service(target, management, Credentials.adminFrom(System.getenv()).orElse(null), providerControl,
                Environment.capture(checkout.dir(), List.of("attached to pid " + pid), NOT_PINNED),
                () -> {
                    if (recorded != null) {
                        Jcmd.run(recorded, "JFR.stop", "name=queuescope");
                    }
                },
                () -> recorded == null ? null : ProcessHandle.of(recorded).map(ProcessHandle::isAlive).orElse(false),
                null);
    }

    /** The service under load and how to let it go; closing twice is harmless. */
    private static final class Service implements AutoCloseable {

        interface Stop {
            void stop() throws IOException, InterruptedException;
        }

        private final URI target;
        private final @Nullable URI management;
        private final @Nullable Credentials admin;
        private final @Nullable URI providerControl;
        private final Environment environment;
        private @Nullable Stop stop;
        private final java.util.function.Supplier<@Nullable Boolean> alive;
        private final @Nullable Path log;

        /**
         * @param providerControl the payment provider stub's base URL, when known
         * @param alive           whether the service's process still runs; null when unknown
         * @param log             the service's log, when the kit has one
         */
        Service(URI target, @Nullable URI management, @Nullable Credentials admin, @Nullable URI providerControl,
                Environment environment, Stop stop, java.util.function.Supplier<@Nullable Boolean> alive,
                @Nullable Path log) {
            this.target = target;
            this.management = management;
            this.admin = admin;
            this.providerControl = providerControl;
            this.environment = environment;
            this.stop = stop;
            this.alive = alive;
            this.log = log;
        }

        @Nullable Boolean alive() {
            return alive.get();
        }

        @Nullable Path log() {
            return log;
        }

        URI target() {
            return target;
        }

        @Nullable URI management() {
            return management;
        }

        @Nullable Credentials admin() {
            return admin;
        }

        @Nullable URI providerControl() {
            return providerControl;
        }

        Environment environment() {
            return environment;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (stop != null) {
                Stop once = stop;
                stop = null;
                once.stop();
            }
        }
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms}, or an ISO-8601 duration. */
    public static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
            }
            return Duration.parse(value);
        }
    }
}
