package dev.queuescope.perf.selftest;

import dev.queuescope.perf.load.ArrivalProcess;
import dev.queuescope.perf.load.LoadPlan;
import dev.queuescope.perf.load.LoadResult;
import dev.queuescope.perf.load.OpenLoopGenerator;
import dev.queuescope.perf.load.RequestSpec;
import io.vertx.core.http.HttpMethod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code selftest}: how much the generator itself costs and how fast it can honestly send. It
 * drives a null responder (another process) at rising rates, the generator pinned to one core and
 * the responder to another, and reports CPU µs per request and the highest rate at which the
 * generator still kept its schedule.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure the load generator against a null responder: CPU per request and the highest honest rate.")
public final class SelfTestCommand implements Callable<Integer> {

    @Option(names = "--rates", split = ",", defaultValue = "2000,5000,10000,20000,30000,40000", paramLabel = "REQ/S",
            description = "rates to try, in order (default: ${DEFAULT-VALUE})")
    List<Double> rates;

    @Option(names = "--step", defaultValue = "5", paramLabel = "SECONDS", description = "measured seconds per rate")
    int stepSeconds;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "SECONDS", description = "ramped warm-up per rate")
    int warmupSeconds;

    @Option(names = "--connections", defaultValue = "64", description = "connection cap (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--max-p99", defaultValue = "50", paramLabel = "MS",
            description = "a rate counts as honest only while corrected p99 stays under this (default: ${DEFAULT-VALUE})")
    double maxP99Ms;

    record Step(double rate, double achieved, boolean saturated, String reason, double cpuMicrosPerRequest,
            double p99Ms) {
    }

    @Override
    public Integer call() throws Exception {
        boolean pin = Runtime.getRuntime().availableProcessors() >= 2;
        int port = freePort();
        Process responder = startResponder(port, pin);
        try {
            if (pin) {
                taskset("-a", "-p", "-c", "0", Long.toString(ProcessHandle.current().pid()));
            }
            System.out.printf("generator pinned to core %s, null responder to core %s%n", pin ? "0" : "-",
                    pin ? "1" : "-");
            System.out.println("    rate   achieved  saturated  µs CPU/req   p99 ms");
            List<Step> steps = new ArrayList<>();
            for (double rate : rates) {
                Step step = measure(URI.create("http://127.0.0.1:" + port), rate);
                steps.add(step);
                System.out.printf(Locale.ROOT, "%8.0f %10.0f %10s %11.1f %8.2f%s%n", step.rate(), step.achieved(),
                        step.saturated(), step.cpuMicrosPerRequest(), step.p99Ms(),
                        step.saturated() ? "  (" + step.reason() + ")" : "");
            }
            double honest = steps.stream().filter(s -> !s.saturated() && s.p99Ms() <= maxP99Ms)
                    .mapToDouble(Step::rate).max().orElse(0);
            System.out.printf(Locale.ROOT, "highest honest rate: %.0f req/s (on schedule, corrected p99 <= %.0f ms)%n",
                    honest, maxP99Ms);
            return 0;
        } finally {
            responder.destroy();
            responder.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private Step measure(URI target, double rate) throws InterruptedException {
        LoadPlan plan = new LoadPlan(target, rate, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(stepSeconds),
                ArrivalProcess.POISSON, connections, Duration.ofSeconds(5), "selftest", 1);
        RequestSpec get = new RequestSpec("null", HttpMethod.GET, "/", Map.of(), null);
        try (OpenLoopGenerator generator = new OpenLoopGenerator(plan, () -> get, null)) {
            LoadResult result = generator.run(progress -> { });
            return new Step(rate, result.achievedRate(), result.saturated(), result.saturationReason(),
                    result.cpuMicrosPerRequest(), result.corrected().getValueAtPercentile(99) / 1000.0);
        }
    }

    private static Process startResponder(int port, boolean pin) throws IOException {
        List<String> command = new ArrayList<>();
        if (pin) {
            command.addAll(List.of("taskset", "-c", "1"));
        }
        // The kit's own JAR (run with -jar, so it is the class path), its hidden null-responder command.
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("java.class.path"), "null-responder", Integer.toString(port)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line = output.readLine();
        if (line == null || !line.startsWith("listening")) {
            process.destroyForcibly();
            throw new IOException("The null responder did not start: " + line);
        }
        return process;
    }

    private static void taskset(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
