package dev.queuescope.perf.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kit's JFR settings: the JDK's {@code profile} settings with the waits that make queues
 * visible recorded from 1 ms (thread park, monitor enter, socket reads and writes), written with
 * the JDK's own {@code jfr configure} into the run directory, so each run keeps what it used.
 */
public final class JfrSettings {

    static final List<String> CHANGES = List.of(
            "jdk.ThreadPark#threshold=1 ms",
            "jdk.JavaMonitorEnter#threshold=1 ms",
            "jdk.JavaMonitorWait#threshold=1 ms",
            "jdk.SocketRead#threshold=1 ms",
            "jdk.SocketWrite#threshold=1 ms",
            "jdk.ObjectAllocationSample#throttle=300/s",
            "jdk.CPULoad#period=1 s");

    private JfrSettings() {
    }

    public static Path write(Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jfr").toString(), "configure", "--input", "profile"));
        command.addAll(CHANGES);
        command.add("--output");
        command.add(file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jfr configure failed: " + output);
        }
        return file;
    }
}
