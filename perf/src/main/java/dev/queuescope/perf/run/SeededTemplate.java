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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A data root holding the seeded shop, made once and copied for every run: each run starts from
 * the same rows in a second instead of seeding for many. The template is vacuumed, frozen and
 * analysed before it is stopped: otherwise every copy inherits 100 000 rows' worth of pending
 * autovacuum and autoanalyze, which start about a minute after PostgreSQL does — inside the
 * measured window of a run with a long warm-up — and compete with the shop for the CPUs.
 * It is rebuilt when the shop's JAR changes (its size and time stamp name the template).
 */
public final class SeededTemplate {

    private SeededTemplate() {
    }

    public static Path ensure(Path templates, ShopProcess.Options shop, String seedPath)
            throws IOException, InterruptedException {
        Path template = templates.resolve("seeded-" + Files.size(shop.jar()) + "-"
                + Files.getLastModifiedTime(shop.jar()).toMillis());
        if (Files.isDirectory(template.resolve("pg"))) {
            return template;
        }
        RunDirectory.deleteTree(templates);
        Path building = templates.resolve("building");
        Files.createDirectories(building);
        try (ShopProcess running = ShopProcess.start(new ShopProcess.Options(shop.jar(), shop.jvmOptions(), building,
                shop.ports(), List.of(), List.of(), templates.resolve("template-shop.log")))) {
            String token = new ShopAccounts(running.shop()).login(running.admin());
            HttpResponse<String> seeded = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(running.shop().resolve(seedPath)).timeout(Duration.ofMinutes(5))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (seeded.statusCode() != 200) {
                throw new IOException("Seeding the template failed: " + seeded.statusCode() + " " + seeded.body());
            }
            settle(shop.ports());
        }
        Files.move(building, template);
        return template;
    }

    private static void settle(ShopProcess.Ports ports) throws IOException {
        try (Connection connection = ports.openDatabase(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum (freeze, analyze)");
            statement.execute("checkpoint");
        } catch (SQLException e) {
            throw new IOException("Vacuuming the seeded template failed", e);
        }
    }

    /** Copies the template into a run's (new, not yet existing) data root. */
    public static void copy(Path template, Path dataRoot) throws IOException {
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path source : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = dataRoot.resolve(template.relativize(source).toString());
                // With attributes: PostgreSQL refuses a data directory that is not mode 0700.
                if (!Files.exists(target)) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

}
