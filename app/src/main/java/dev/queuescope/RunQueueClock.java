package dev.queuescope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the calling thread has waited, runnable, for a CPU — Linux's per-thread scheduler
 * statistics ({@code /proc/thread-self/schedstat}, second field, ns). The difference across a request
 * is its wait in the CPU's run queue: the CPU queue measured, not inferred. {@code -1} where the
 * kernel does not offer it.
 */
final class RunQueueClock {

    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    private static final boolean AVAILABLE = Files.isReadable(SCHEDSTAT);

    private RunQueueClock() {
    }

    static long waitedNanos() {
        if (!AVAILABLE) {
            return -1;
        }
        try {
            String line = new String(Files.readAllBytes(SCHEDSTAT), StandardCharsets.US_ASCII);
            int first = line.indexOf(' ');
            int second = line.indexOf(' ', first + 1);
            return Long.parseLong(line, first + 1, second, 10);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
