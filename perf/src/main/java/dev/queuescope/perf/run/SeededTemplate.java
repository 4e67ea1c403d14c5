package dev.queuescope.perf.run;

import dev.queuescope.perf.scenario.ShopAccounts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What every run of one shop JAR starts from, made once per JAR (its size and time stamp name the
 * template; a rebuild makes a new one):
 * <ul>
 * <li>a data root holding the seeded shop, copied for every run: each run starts from the same rows
 * in a second instead of seeding for many. It is vacuumed, frozen and analysed before it is stopped:
 * otherwise every copy inherits 100 000 rows' worth of pending autovacuum and autoanalyze, which
 * start about a minute after PostgreSQL does — inside the measured window of a run with a long
 * warm-up — and compete with the shop for the CPUs;</li>
 * <li>the JAR extracted, and a JDK AOT cache (JEP 483/514) of the classes the seeding start loaded and
 * linked: the start that seeds is also the cache's training run. A shop mapped from it is ready in
 * ~11 s instead of ~16 s (docs/perf-guide.md, "Starting from an AOT cache"); a lab run starts the
 * shop fourteen times. The cache needs plain JARs on the class path (hence the extraction) and the
 * same JFR and agent options at training as in use, so it serves only starts that record as a run
 * does.</li>
 * </ul>
 */
public record SeededTemplate(Path root) {

    /** The shop's demo data set, which the template's data went through. */
    public static final String SEED_PATH = "/api/v1/admin/seed";

    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);

    public static SeededTemplate ensure(Path templates, ShopProcess.Options shop)
            throws IOException, InterruptedException {
        // Absolute: the cache holds the class path it was trained on, and a start from the same JAR named
        // another way (./perf/… against /work/…/perf/…) does not start at all ("sealing violation").
        SeededTemplate template = new SeededTemplate(templates.toAbsolutePath().normalize().resolve("seeded-"
                + Files.size(shop.jar()) + "-" + Files.getLastModifiedTime(shop.jar()).toMillis()));
        // The marker names the class path the cache was trained on: a checkout moved elsewhere trains anew.
        Path complete = template.root().resolve("complete");
        if (Files.exists(complete) && Files.readString(complete).equals(template.jar().toString())) {
            return template;
        }
        RunDirectory.deleteTree(templates);
        // Made where it stays: an AOT cache is valid only for the class path it was trained on.
        Files.createDirectories(template.data());
        extract(shop.jar(), template.jar(), templates.resolve("extract.log"));
        try (ShopProcess running = ShopProcess.start(new ShopProcess.Options(template.jar(), shop.jvmOptions(),
                template.data(), shop.ports(), template.trainingOptions(), List.of(),
                templates.resolve("template-shop.log"), 0))) {
            String token = new ShopAccounts(running.shop()).login(running.admin());
            HttpResponse<String> seeded = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(running.shop().resolve(SEED_PATH)).timeout(Duration.ofMinutes(5))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (seeded.statusCode() != 200) {
                throw new IOException("Seeding the template failed: " + seeded.statusCode() + " " + seeded.body());
            }
            settle(shop.ports());
        }
        // The training's own recordings are not a run's: only the cache it wrote at exit is kept.
        Files.deleteIfExists(template.root().resolve("training.jfr"));
        Files.deleteIfExists(template.root().resolve("training-profile.jfr"));
        Files.writeString(complete, template.jar().toString());
        return template;
    }

    /** The seeded data root; runs copy it ({@link #copyData}). */
    public Path data() {
        return root.resolve("data");
    }

    /** The extracted shop JAR (its libraries beside it in {@code lib/}). */
    public Path jar() {
        return root.resolve("app").resolve("queuescope.jar");
    }

    /**
     * The option that maps the AOT cache, for a start with a JFR recording and the profiler agent (as at
     * training); none when the training wrote no cache. A start whose options the cache does not fit still
     * runs, without it: the JVM says why in the shop's log.
     */
    public List<String> aotCacheOptions() {
        Path cache = root.resolve("shop.aot");
        return Files.isRegularFile(cache) ? List.of("-XX:AOTCache=" + cache) : List.of();
    }

    /** Copies the template's data root into a run's (new, not yet existing) data root. */
    public void copyData(Path dataRoot) throws IOException {
        try (Stream<Path> walk = Files.walk(data())) {
            for (Path source : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = dataRoot.resolve(data().relativize(source).toString());
                // With attributes: PostgreSQL refuses a data directory that is not mode 0700.
                if (!Files.exists(target)) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private List<String> trainingOptions() throws IOException, InterruptedException {
        List<String> options = new ArrayList<>();
        options.add("-XX:AOTCacheOutput=" + root.resolve("shop.aot"));
        options.add("-XX:StartFlightRecording=name=training,settings="
                + JfrSettings.write(root.resolve("training.jfc")) + ",filename=" + root.resolve("training.jfr"));
        options.add(AsyncProfiler.agentOption(root.resolve("training-profile.jfr")));
        return options;
    }

    /**
     * {@code java -Djarmode=tools -jar shop.jar extract}: Spring Boot's own layout for a class-path start
     * (the application JAR, its libraries in {@code lib/} beside it).
     */
    private static void extract(Path jar, Path extracted, Path log) throws IOException, InterruptedException {
        Path destination = extracted.getParent();
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!extract.waitFor(EXTRACT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            extract.destroyForcibly();
            throw new IOException("Extracting " + jar + " took longer than " + EXTRACT_TIMEOUT + "; see " + log);
        }
        if (extract.exitValue() != 0) {
            throw new IOException("Extracting " + jar + " failed (exit " + extract.exitValue() + "); see " + log);
        }
        // The extracted application JAR is named after its source (a run's hard link is shop.jar).
        Files.move(destination.resolve(jar.getFileName()), extracted);
    }

    private static void settle(ShopProcess.Ports ports) throws IOException {
        try (Connection connection = ports.openDatabase(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum (freeze, analyze)");
            statement.execute("checkpoint");
        } catch (SQLException e) {
            throw new IOException("Vacuuming the seeded template failed", e);
        }
    }
}
