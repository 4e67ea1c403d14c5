package dev.queuescope.perf.run;

import dev.queuescope.perf.scenario.Credentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The shop started by the kit: its JAR with the tuned JVM options of {@code app/jvm.options}, a
 * JFR recording from the first instruction, its data root and its own ports, so a run never
 * touches a shop the developer has running. Stopped with SIGTERM (graceful; JFR dumps on exit).
 */
public final class ShopProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final URI shop;
    private final URI management;
    private final Credentials admin;
    private final URI providerControl;

    private ShopProcess(Process process, URI shop, URI management, Credentials admin, URI providerControl) {
        this.process = process;
        this.shop = shop;
        this.management = management;
        this.admin = admin;
        this.providerControl = providerControl;
    }

    /**
     * @param niceness the shop's (and so its PostgreSQL's) scheduling niceness, 0 for the default: above 0 the
     *                 generator, at 0, gets a core first whenever both are runnable
     */
    public record Options(Path jar, Path jvmOptions, Path dataRoot, Ports ports, List<String> extraJvmOptions,
            List<String> properties, Path log, int niceness) {
    }

    /** @param provider the payment provider stub's (its charges and its outage control) */
    public record Ports(int http, int management, int postgres, int provider) {

        /** Four ports free now, so a started shop never meets one the developer has running. */
        public static Ports free() throws IOException {
            return new Ports(freePort(), freePort(), freePort(), freePort());
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        /** A new connection to the shop's embedded PostgreSQL, as the shop's own user and database. */
        public Connection openDatabase() throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres + "/postgres", "postgres", "");
        }
    }

    public static ShopProcess start(Options options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (options.niceness() != 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(options.niceness())));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(options.jvmOptions()));
        command.addAll(options.extraJvmOptions());
        command.add("-XX:HeapDumpPath=" + options.dataRoot());
        command.add("-jar");
        command.add(options.jar().toString());
        command.add("--server.port=" + options.ports().http());
        command.add("--management.server.port=" + options.ports().management());
        command.add("--queuescope.db.embedded.port=" + options.ports().postgres());
        // Not the stub's fixed default port (8082), which would clash with a shop already running, and not a
        // random one either: the kit drives the stub's outage control, so it must know where the stub listens.
        command.add("--queuescope.payments.provider.stub.port=" + options.ports().provider());
        options.properties().forEach(p -> command.add("--" + p));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(options.log().toFile());
        builder.environment().put("QUEUESCOPE_DATA", options.dataRoot().toString());
        // A fresh admin password for every start (the shop resets the admin account to it), so no
        // password outlives the process or sits in a file.
        Credentials admin = new Credentials(Credentials.DEFAULT_ADMIN_EMAIL, "kit-" + UUID.randomUUID());
        builder.environment().put("QUEUESCOPE_ADMIN_EMAIL", admin.email());
        builder.environment().put("QUEUESCOPE_ADMIN_PASSWORD", admin.password());
        ShopProcess shop = new ShopProcess(builder.start(),
                URI.create("http://127.0.0.1:" + options.ports().http()),
                URI.create("http://127.0.0.1:" + options.ports().management()), admin,
                URI.create("http://127.0.0.1:" + options.ports().provider()));
        shop.awaitReady(options.log());
        return shop;
    }

    public URI shop() {
        return shop;
    }

    public URI management() {
        return management;
    }

    public Credentials admin() {
        return admin;
    }

    /** The payment provider stub's base URL ({@code /outage} is its outage control). */
    public URI providerControl() {
        return providerControl;
    }

    public long pid() {
        return process.pid();
    }

    /** Whether the shop's process is still running (false once it exited, crashed or was stopped). */
    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("The shop exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        management.resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        close();
        throw new IOException("The shop was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    /** SIGTERM, then up to 30 s for a graceful stop (JFR writes its recording on exit). */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public static List<String> jvmOptions(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
