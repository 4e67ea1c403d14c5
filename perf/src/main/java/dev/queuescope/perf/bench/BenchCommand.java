package dev.queuescope.perf.bench;

import dev.queuescope.perf.load.ArrivalProcess;
import dev.queuescope.perf.load.ClosedLoopDriver;
import dev.queuescope.perf.load.LoadPlan;
import dev.queuescope.perf.load.LoadResult;
import dev.queuescope.perf.load.OpenLoopGenerator;
import dev.queuescope.perf.load.RequestSource;
import dev.queuescope.perf.load.SteadyWarmup;
import dev.queuescope.perf.run.Checkout;
import dev.queuescope.perf.run.Environment;
import dev.queuescope.perf.run.RunCommand;
import dev.queuescope.perf.run.RunDirectory;
import dev.queuescope.perf.run.SeededTemplate;
import dev.queuescope.perf.run.ShopProcess;
import dev.queuescope.perf.scenario.Credentials;
import dev.queuescope.perf.scenario.Discovery;
import dev.queuescope.perf.scenario.Scenario;
import dev.queuescope.perf.scenario.ScenarioLoader;
import dev.queuescope.perf.scenario.ScenarioRequests;
import dev.queuescope.perf.scenario.ShopAccounts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code make bench}: the shop against the database underneath it, as ratios measured in the same
 * run on the same embedded PostgreSQL, each side alternately first, each ratio from several repeats
 * with its spread. Writes {@code perf/results/<id>-bench/{bench.json,bench.md}} and points
 * {@code perf/results/latest-bench} at it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the shop against plain pgjdbc and raw COPY on the same database: throughput ratios, "
                + "p99 at half of each side's maximum, the spread over alternating repeats.",
            "Writes perf/results/<id>-bench/{bench.json,bench.md}; perf/results/latest-bench links to it."})
public final class BenchCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Duration SLICE = Duration.ofSeconds(5);
    private static final double STEADY = 0.05;
    private static final Duration MIN_WARMUP = Duration.ofSeconds(40);
    /**
     * The stack measured without its cache (every read reaches the database, as the baseline's do)
     * and without the per-client rate limiter (a closed loop of four clients would hit it first).
     */
    private static final List<String> BENCH_PROPERTIES = List.of("queuescope.cache.enabled=false",
            "queuescope.web.rate-limit.enabled=false");

    @Option(names = "--repeats", defaultValue = "3", description = "alternating repeats per ratio (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--seconds", defaultValue = "10", description = "each throughput and latency measure (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--rows", defaultValue = "1000000", description = "rows per import (default: ${DEFAULT-VALUE})")
    int rows;

    /* The shop's connection pool (spring.datasource.hikari.maximum-pool-size): the database sees as many
       sessions at once from either side. */
    @Option(names = "--concurrency", defaultValue = "4",
            description = "requests in flight for a maximum, and the baseline's connections (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--warmup", defaultValue = "90s", converter = RunCommand.DurationConverter.class,
            description = "longest JIT warm-up of each side, in 5 s slices until two agree within 5 %% "
                    + "(default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Mixin
    Checkout checkout;

    @Override
    public Integer call() throws Exception {
        Path jar = checkout.builtShop();
        Path results = checkout.results();
        String id = STAMP.format(LocalDateTime.now()) + "-bench";
        Path dir = Files.createDirectories(results.resolve(id));
        System.out.println("Bench " + id + " -> " + dir);
        ShopProcess.Ports ports = ShopProcess.Ports.free();
        ShopProcess.Options options = new ShopProcess.Options(jar, checkout.jvmOptions(), dir.resolve("data"),
                ports, List.of(), BENCH_PROPERTIES, dir.resolve("shop.log"), 0);
        SeededTemplate.ensure(checkout.templates(), options).copyData(dir.resolve("data"));
        Map<String, Ratio> ratios;
        try (ShopProcess shop = ShopProcess.start(options); Connection connection = ports.openDatabase()) {
            ratios = measure(shop.shop(), shop.admin(), ports, connection, dir);
        } finally {
            RunDirectory.deleteTree(dir.resolve("data"));
        }
        List<String> jvm = new ArrayList<>(ShopProcess.jvmOptions(options.jvmOptions()));
        BENCH_PROPERTIES.forEach(property -> jvm.add("--" + property));
        BenchReport report = new BenchReport(id, Environment.capture(checkout.dir(), jvm, "none"),
                new BenchReport.Settings(repeats, seconds, rows, concurrency, warmup.toSeconds()), ratios);
        report.write(dir);
        Path latest = results.resolve("latest-bench");
        Files.deleteIfExists(latest);
        Files.createSymbolicLink(latest, dir.getFileName());
        System.out.println(Files.readString(dir.resolve("bench.md")));
        return 0;
    }

    private Map<String, Ratio> measure(URI shop, Credentials admin, ShopProcess.Ports database, Connection connection,
            Path dir) throws Exception {
        Scenario byId = scenario("product-reads");
        Scenario pages = scenario("list-pages");
        Scenario orders = scenario("orders");
        Discovery discovery = new Discovery(shop, admin, SeededTemplate.SEED_PATH);
        Map<String, List<String>> byIdValues = discovery.prepare(byId);
        Map<String, List<String>> pageValues = discovery.prepare(pages);
        Map<String, List<String>> orderValues = discovery.prepare(orders);
        List<Long> productIds = byIdValues.get("productId").stream().map(Long::valueOf).toList();
        // Both sides place tens of thousands of orders on these products: none may run out of stock
        // (a refused order is cheaper than a placed one).
        try (var sql = connection.createStatement()) {
            sql.executeUpdate("update inventory.stock set available = 1000000");
        }
        JdbcLoad jdbc = new JdbcLoad(database, concurrency);
        JdbcLoad.Work rawById = BaselineWork.productById(productIds);
        JdbcLoad.Work rawOrder = BaselineWork.placeOrder(productIds);
        Duration each = Duration.ofSeconds(seconds);

        System.out.println("Warming up each side until its throughput is steady");
        warmUntilSteady("shop by id", () -> maxHttp(shop, new ScenarioRequests(byId, byIdValues, "warm", seed), SLICE));
        warmUntilSteady("shop pages", () -> maxHttp(shop, new ScenarioRequests(pages, pageValues, "warm", seed), SLICE));
        long[] warmOrders = {0};
        warmUntilSteady("shop orders", () -> maxHttp(shop,
                new ScenarioRequests(orders, orderValues, "warm-" + warmOrders[0]++, seed), SLICE));
        warmUntilSteady("pgjdbc by id", () -> jdbc.maxThroughput(rawById, SLICE, seed));
        warmUntilSteady("pgjdbc orders", () -> jdbc.maxThroughput(rawOrder, SLICE, seed));

        Ratio.Builder getById = new Ratio.Builder("GET product by id, cache off", "the same primary-key select through "
                + "plain pgjdbc with " + concurrency + " connections", 0.45, "req/s");
        Ratio.Builder keysetPage = new Ratio.Builder("keyset page of 20 (list-pages)", "GET product by id (the shop)",
                0.6, "req/s");
        Ratio.Builder placeOrder = new Ratio.Builder("place order (claim, price, reserve, lines, total, read back)",
                "the same statements through plain pgjdbc in one transaction", 0.5, "req/s");
        for (int r = 0; r < repeats; r++) {
            boolean shopFirst = r % 2 == 0;
            long repeatSeed = seed + r;
            System.out.printf("Repeat %d of %d (%s first)%n", r + 1, repeats, shopFirst ? "shop" : "baseline");
            Side shopById = null;
            Side rawByIdSide = null;
            Side shopOrder = null;
            Side rawOrderSide = null;
            for (boolean shopTurn : new boolean[] {shopFirst, !shopFirst}) {
                if (shopTurn) {
                    shopById = http(shop, new ScenarioRequests(byId, byIdValues, "bench-r" + r, repeatSeed), each, repeatSeed);
                    shopOrder = http(shop, new ScenarioRequests(orders, orderValues, "bench-r" + r, repeatSeed), each, repeatSeed);
                } else {
                    rawByIdSide = jdbc(jdbc, rawById, each, repeatSeed);
                    rawOrderSide = jdbc(jdbc, rawOrder, each, repeatSeed);
                }
            }
            Side shopPage = http(shop, new ScenarioRequests(pages, pageValues, "bench-r" + r, repeatSeed), each, repeatSeed);
            getById.add(shopById, rawByIdSide);
            keysetPage.add(shopPage, shopById);
            placeOrder.add(shopOrder, rawOrderSide);
            System.out.printf("  by id %.0f vs %.0f req/s, page %.0f req/s, order %.0f vs %.0f req/s%n",
                    shopById.maxPerSecond(), rawByIdSide.maxPerSecond(), shopPage.maxPerSecond(),
                    shopOrder.maxPerSecond(), rawOrderSide.maxPerSecond());
        }

        BulkWork bulk = new BulkWork(shop, new ShopAccounts(shop).login(admin), connection);
        bulk.createRawTable();
        Ratio importRatio = importRatio(bulk, dir);
        Ratio exportRatio = exportRatio(bulk, connection);
        Map<String, Ratio> ratios = new LinkedHashMap<>();
        ratios.put("getById", getById.build());
        ratios.put("keysetPage", keysetPage.build());
        ratios.put("placeOrder", placeOrder.build());
        ratios.put("import", importRatio);
        ratios.put("export", exportRatio);
        return ratios;
    }

    /** A new file of {@code --rows} products per repeat, imported by the shop and copied raw. */
    private Ratio importRatio(BulkWork bulk, Path dir) throws Exception {
        Ratio.Builder ratio = new Ratio.Builder("import " + rows + " rows (CSV)", "raw COPY of the same file "
                + "into a table with the same columns' indexes and the same starting rows", 0.8, "rows/s");
        for (int r = 0; r < repeats; r++) {
            Path csv = bulk.writeCsv(dir.resolve("import.csv"), rows, "B" + r, seed + r);
            boolean shopFirst = r % 2 == 0;
            double shopSeconds = 0;
            double rawSeconds = 0;
            for (boolean shopTurn : new boolean[] {shopFirst, !shopFirst}) {
                if (shopTurn) {
                    shopSeconds = bulk.shopImport(csv);
                } else {
                    rawSeconds = bulk.rawImport(csv);
                }
            }
            Files.delete(csv);
            ratio.add(Side.bulk(rows / shopSeconds), Side.bulk(rows / rawSeconds));
            System.out.printf("  import %d rows: shop %.1f s, raw COPY %.1f s%n", rows, shopSeconds, rawSeconds);
        }
        return ratio.build();
    }

    /** Every product (the seeded ones and all the imports') exported by the shop and by a raw COPY. */
    private Ratio exportRatio(BulkWork bulk, Connection connection) throws Exception {
        long exported = productCount(connection);
        Ratio.Builder ratio = new Ratio.Builder("export " + exported + " rows (CSV)",
                "raw COPY (the export's query) TO STDOUT", 0.8, "rows/s");
        for (int r = 0; r < repeats; r++) {
            boolean shopFirst = r % 2 == 0;
            BulkWork.Timed shopSide = null;
            BulkWork.Timed rawSide = null;
            for (boolean shopTurn : new boolean[] {shopFirst, !shopFirst}) {
                if (shopTurn) {
                    shopSide = bulk.shopExport();
                } else {
                    rawSide = bulk.rawExport();
                }
            }
            if (shopSide.bytes() != rawSide.bytes()) {
                throw new IllegalStateException("the shop exported " + shopSide.bytes() + " bytes, raw COPY "
                        + rawSide.bytes() + ": they do not export the same rows");
            }
            ratio.add(Side.bulk(exported / shopSide.seconds()), Side.bulk(exported / rawSide.seconds()));
            System.out.printf("  export %d rows: shop %.2f s, raw COPY %.2f s%n", exported, shopSide.seconds(),
                    rawSide.seconds());
        }
        return ratio.build();
    }

    /** Runs a side in {@link #SLICE}s until its throughput is steady (the JIT has compiled its path); prints the trail. */
    private void warmUntilSteady(String side, SteadyWarmup.Slice slice) throws InterruptedException {
        List<Double> rates = new SteadyWarmup(MIN_WARMUP, warmup, STEADY).run(slice);
        System.out.printf("  %s: %s per second%n", side, rates.stream()
                .map(rate -> String.format(Locale.ROOT, "%.0f", rate)).collect(Collectors.joining(", ")));
    }

    /** The shop's maximum at the bench's concurrency, then its p99 at half of it (open loop). */
    private Side http(URI shop, ScenarioRequests source, Duration each, long repeatSeed) throws InterruptedException {
        double max = maxHttp(shop, source, each);
        LoadPlan plan = new LoadPlan(shop, max / 2, Duration.ofSeconds(2), each, ArrivalProcess.POISSON,
                LoadPlan.DEFAULT_MAX_CONNECTIONS, LoadPlan.DEFAULT_REQUEST_TIMEOUT, "bench", repeatSeed);
        LoadResult result;
        try (OpenLoopGenerator generator = new OpenLoopGenerator(plan, source, null)) {
            result = generator.run(progress -> { });
        }
        if (result.saturated()) {
            throw new IllegalStateException("the generator could not keep up at " + max / 2 + " req/s: "
                    + result.saturationReason());
        }
        return new Side(max, result.corrected().getValueAtPercentile(99) / 1_000.0);
    }

    private double maxHttp(URI shop, RequestSource source, Duration each) throws InterruptedException {
        ClosedLoopDriver.Throughput throughput;
        try (ClosedLoopDriver driver = new ClosedLoopDriver(shop, concurrency)) {
            throughput = driver.run(source, each);
        }
        if (throughput.errors() > throughput.completed() / 100) {
            throw new IllegalStateException(throughput.errors() + " errors in " + throughput.completed()
                    + " responses: the shop did not serve the bench's requests");
        }
        return throughput.requestsPerSecond();
    }

    private static Side jdbc(JdbcLoad jdbc, JdbcLoad.Work work, Duration each, long repeatSeed)
            throws InterruptedException {
        double max = jdbc.maxThroughput(work, each, repeatSeed);
        return new Side(max, jdbc.p99AtRate(work, max / 2, each, repeatSeed));
    }

    private static long productCount(Connection connection) throws SQLException {
        try (var sql = connection.createStatement(); var count = sql.executeQuery("select count(*) from catalog.product")) {
            count.next();
            return count.getLong(1);
        }
    }

    private Scenario scenario(String name) {
        return ScenarioLoader.load(name, checkout.scenarios());
    }
}
