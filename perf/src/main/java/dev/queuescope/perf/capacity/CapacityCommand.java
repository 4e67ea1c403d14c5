package dev.queuescope.perf.capacity;

import dev.queuescope.perf.load.ClosedLoopDriver;
import dev.queuescope.perf.run.Checkout;
import dev.queuescope.perf.run.RunCommand;
import dev.queuescope.perf.run.RunDirectory;
import dev.queuescope.perf.run.SeededTemplate;
import dev.queuescope.perf.run.ShopProcess;
import dev.queuescope.perf.scenario.Discovery;
import dev.queuescope.perf.scenario.Scenario;
import dev.queuescope.perf.scenario.ScenarioLoader;
import dev.queuescope.perf.scenario.ScenarioRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code capacity}: the most the shop serves of a scenario on this machine now — measured, where the sweep's
 * calibration estimates. The shop starts afresh from the seeded template, at the niceness {@code run} starts it at,
 * with its cache and rate limiter off ({@link #PROPERTIES}), and the scenario's requests go in a closed loop:
 * first for 90 s (its throughput climbs for over a minute), then measured, then measured again one request at a
 * time. A closed loop hides queueing (it waits before it sends), so the numbers are maxima, never latencies.
 * {@code make test-labs} scales its labs' rates by them — a lab that fills the cores by the first, a lab that fills
 * one lane by the second — so they keep their place against the knee when the machine is slower or faster than
 * the evening they were set on.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the most the shop serves of a scenario on this machine now: a closed loop of "
                + "--connections against the shop started afresh, after a warm-up; then one request at a time.",
            "Writes perf/results/<YYYYMMDD-HHMMSS>-capacity-<scenario>/{capacity.json,shop.log}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "1:the measure failed (the shop did not serve the scenario's requests)"})
public final class CapacityCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * As in {@code bench}: the per-client rate limiter off, which one closed-loop client would meet before the
     * shop's capacity, and the cache off, whose hits grow as long as the loop runs (with it, three measures of
     * search-and-orders after 30–60 s warm-ups gave 310, 520 and 255 req/s).
     */
    static final List<String> PROPERTIES = List.of("queuescope.web.rate-limit.enabled=false",
            "queuescope.cache.enabled=false");

    /** More errors than this share of the responses: the shop did not serve the scenario, and no maximum is said. */
    private static final double MAX_ERROR_SHARE = 0.01;

    @Option(names = "--scenario", defaultValue = "mixed", paramLabel = "NAME|FILE",
            description = "scenario name in perf/scenarios, or a .json file (default: ${DEFAULT-VALUE})")
    String scenarioName;

    /* Twice the shop's connection pool (4) and more than its two cores: the pool and the CPU stay busy. */
    @Option(names = "--connections", defaultValue = "8", paramLabel = "N",
            description = "requests in flight at every moment (default: ${DEFAULT-VALUE})")
    int connections;

    /*
     * 90 s: in a closed loop the shop's throughput climbs for over a minute — 122, 212, 256, 285, 326, 434, 644,
     * 531, 601, 651, 565 req/s of search-and-orders in 5 s slices (2026-11-27); most likely the JIT, whose compiler
     * threads compete with request threads that keep both cores busy. A measure after 40 s was on
     * that slope: 274 to 285 req/s in four runs, and 685 once.
     */
    @Option(names = "--warmup", defaultValue = "90s", converter = RunCommand.DurationConverter.class,
            paramLabel = "TIME", description = "closed loop before the measure, in 5 s slices, not counted "
                    + "(default: ${DEFAULT-VALUE})")
    Duration warmup;

    private static final Duration WARMUP_SLICE = Duration.ofSeconds(5);

    @Option(names = "--duration", defaultValue = "10s", converter = RunCommand.DurationConverter.class,
            paramLabel = "TIME", description = "each measured closed loop: at --connections, then at one "
                    + "(default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--shop-nice", defaultValue = "" + RunCommand.SHOP_NICENESS, paramLabel = "N",
            description = "the shop's niceness, as run starts it (default: ${DEFAULT-VALUE})")
    int shopNiceness;

    @Option(names = "--seed", defaultValue = "42", description = "random seed of the request choices")
    long seed;

    @Mixin
    Checkout checkout;

    @Option(names = "--results", hidden = true, paramLabel = "DIR",
            description = "where the measure's directory goes (default: perf/results)")
    @Nullable Path results;

    @Override
    public Integer call() throws Exception {
        if (connections < 1) {
            throw new IllegalArgumentException("--connections is at least 1: " + connections);
        }
        Scenario scenario = ScenarioLoader.load(scenarioName, checkout.scenarios());
        if (scenario.phases() != null) {
            throw new IllegalArgumentException("Scenario " + scenario.name() + " has phases; measure the capacity of "
                    + "its knee scenario (" + scenario.kneeScenario() + ")");
        }
        Path built = checkout.builtShop();
        Path root = results != null ? results : checkout.results();
        Path dir = Files.createDirectories(root.resolve(STAMP.format(LocalDateTime.now()) + "-capacity-"
                + scenario.name()));
        System.out.println("Capacity of " + scenario.name() + " -> " + dir);
        ShopProcess.Ports ports = ShopProcess.Ports.free();
        ShopProcess.Options template = new ShopProcess.Options(built, checkout.jvmOptions(),
                dir.resolve("data"), ports, List.of(), List.of(), dir.resolve("shop.log"), 0);
        SeededTemplate seeded = SeededTemplate.ensure(checkout.templates(), template);
        seeded.copyData(dir.resolve("data"));
        Capacity capacity;
        try (ShopProcess shop = ShopProcess.start(new ShopProcess.Options(seeded.jar(), template.jvmOptions(),
                template.dataRoot(), ports, List.of(), PROPERTIES, template.log(), shopNiceness))) {
            Map<String, List<String>> values = new Discovery(shop.shop(), shop.admin(), SeededTemplate.SEED_PATH)
                    .prepare(scenario);
            List<Double> warm;
            ClosedLoopDriver.Throughput measured;
            ClosedLoopDriver.Throughput oneAtATime;
            try (ClosedLoopDriver driver = new ClosedLoopDriver(shop.shop(), connections)) {
                ScenarioRequests warmupRequests = new ScenarioRequests(scenario, values, "capacity-warmup", seed);
                warm = new ArrayList<>();
                long slices = Math.max(1, warmup.dividedBy(WARMUP_SLICE));
                while (warm.size() < slices) {
                    warm.add(driver.run(warmupRequests, WARMUP_SLICE).requestsPerSecond());
                }
                measured = driver.run(new ScenarioRequests(scenario, values, "capacity", seed), duration);
            }
            try (ClosedLoopDriver driver = new ClosedLoopDriver(shop.shop(), 1)) {
                oneAtATime = driver.run(new ScenarioRequests(scenario, values, "capacity-one", seed), duration);
            }
            for (ClosedLoopDriver.Throughput loop : List.of(measured, oneAtATime)) {
                if (loop.errors() > MAX_ERROR_SHARE * loop.completed()) {
                    throw new IOException(loop.errors() + " errors in " + (loop.completed() + loop.errors())
                            + " responses: the shop did not serve " + scenario.name() + "'s requests; see "
                            + template.log());
                }
            }
            capacity = new Capacity(scenario.name(), connections, warm, seconds(duration), measured.requestsPerSecond(),
                    measured.completed(), measured.errors(), oneAtATime.requestsPerSecond());
        } finally {
            RunDirectory.deleteTree(dir.resolve("data"));
        }
        capacity.write(dir);
        System.out.printf(Locale.ROOT, "Capacity of %s: %.1f req/s at %d connections, %.1f one at a time "
                + "(warm-up: %s req/s)%n", scenario.name(), capacity.requestsPerSecond(), connections,
                capacity.oneConnectionRequestsPerSecond(), capacity.warmupRequestsPerSecond().stream()
                        .map(rate -> String.format(Locale.ROOT, "%.0f", rate)).collect(Collectors.joining(", ")));
        return 0;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
