package dev.queuescope.perf.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the run ran on, recorded so two runs can be compared knowingly. */
public record Environment(String gitCommit, String jdk, String cpuModel, int cpus, String kernel,
        List<String> shopJvmOptions, String pinning) {

    public static Environment capture(Path repository, List<String> shopJvmOptions, String pinning) {
        return new Environment(command(repository, "git", "rev-parse", "--short", "HEAD"),
                System.getProperty("java.vm.vendor") + " " + Runtime.version(), readCpuModel(),
                Runtime.getRuntime().availableProcessors(), command(repository, "uname", "-sr"),
                List.copyOf(shopJvmOptions), pinning);
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String command(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

}
