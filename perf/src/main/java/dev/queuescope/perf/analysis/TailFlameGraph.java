package dev.queuescope.perf.analysis;

import dev.queuescope.perf.flame.CollapsedStacks;
import dev.queuescope.perf.flame.FlameDiff;
import dev.queuescope.perf.flame.ProfileMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import org.jspecify.annotations.Nullable;

/**
 * A differential flame graph of the slowest requests against the median ones: the wall-clock samples
 * (where threads ran or waited) of the threads serving each cohort, inside those requests' server
 * windows. Red frames took a larger share of the tail's samples than of the median's.
 */
final class TailFlameGraph {

    static final String FILE = "flamegraph-tail-vs-median.html";

    private TailFlameGraph() {
    }

    /** Writes the graph from profile.jfr (async-profiler); the file name, or null without a profile or samples. */
    static @Nullable String write(Path run, Ledger ledger) throws IOException {
        Path profile = run.resolve("profile.jfr");
        if (!Files.exists(profile) || ledger.byLatency.isEmpty()) {
            return null;
        }
        Map<String, Long> median = CollapsedStacks.read(profile, ProfileMode.WALL, serving(ledger.median()));
        Map<String, Long> tail = CollapsedStacks.read(profile, ProfileMode.WALL, serving(ledger.tail()));
        if (median.isEmpty() || tail.isEmpty()) {
            return null;
        }
        FlameDiff.write(run.resolve(FILE), "Slowest requests (p99+) vs median requests: wall-clock samples", median, tail);
        return FILE;
    }

    /** Samples of a thread while it served one of the cohort's requests. */
    private static Predicate<RecordedEvent> serving(List<RequestAccount> cohort) {
        Map<Long, List<RequestAccount>> byThread = Attribution.byThread(cohort);
        return event -> {
            RecordedThread thread = CollapsedStacks.thread(event);
            if (thread == null) {
                return false;
            }
            Instant at = event.getStartTime();
            long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
            return Attribution.covering(byThread.get(thread.getJavaThreadId()), nanos) != null;
        };
    }
}
