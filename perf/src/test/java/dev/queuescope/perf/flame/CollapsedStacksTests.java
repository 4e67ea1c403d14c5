package dev.queuescope.perf.flame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stacks from a real recording: the JDK's own CPU sampler (the event type async-profiler writes too),
 * every millisecond, while one thread burns CPU in {@code burnAlpha} and then another in {@code burnBeta},
 * each until the recording has delivered samples of it.
 */
class CollapsedStacksTests {

    @TempDir
    static Path dir;

    private static Path jfr;
    private static Instant betweenTheBurns;
    private static volatile long sink;
    /** Samples the stream delivered, by thread name. */
    private static final Map<String, AtomicInteger> SAMPLES = new ConcurrentHashMap<>();
    private static final int SAMPLES_SEEN = 5;

    @BeforeAll
    static void recordTwoBurns() throws Exception {
        jfr = dir.resolve("burns.jfr");
        try (RecordingStream recording = new RecordingStream()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            // dump() writes what the stream retains: without a max age it may retain nothing.
            recording.setMaxAge(Duration.ofMinutes(5));
            recording.onEvent("jdk.ExecutionSample", event -> {
                RecordedThread thread = CollapsedStacks.thread(event);
                if (thread != null && thread.getJavaName() != null) {
                    SAMPLES.computeIfAbsent(thread.getJavaName(), t -> new AtomicInteger()).incrementAndGet();
                }
            });
            recording.startAsync();
            runIn("burner-alpha", CollapsedStacksTests::burnAlpha);
            runIn("burner-beta", CollapsedStacksTests::burnBeta);
            recording.dump(jfr);
        }
        // The boundary on the recording's own clock: alpha's last sample (beta started after alpha ended).
        betweenTheBurns = lastSampleOf("burner-alpha");
    }

    private static Instant lastSampleOf(String threadName) throws IOException {
        Instant last = Instant.MIN;
        try (RecordingFile recording = new RecordingFile(jfr)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample")
                        && threadName.equals(CollapsedStacks.thread(event).getJavaName())
                        && event.getStartTime().isAfter(last)) {
                    last = event.getStartTime();
                }
            }
        }
        return last;
    }

    @Test
    void stacksAreCollapsedFromTheRootToTheSampledMethod() throws Exception {
        Map<String, Long> stacks = CollapsedStacks.read(jfr, ProfileMode.CPU, event -> true);

        assertThat(stacks.keySet()).anySatisfy(stack -> assertThat(stack)
                .startsWith("java.lang.Thread.run;").contains(";" + getClass().getName() + ".burnAlpha;"));
        assertThat(stacks.keySet()).anyMatch(stack -> stack.contains(".burnBeta;"));
        assertThat(stacks.values()).allMatch(samples -> samples > 0);
    }

    @Test
    void theFilterSeesWhichThreadWasSampled() throws Exception {
        Map<String, Long> stacks = CollapsedStacks.read(jfr, ProfileMode.CPU,
                event -> "burner-alpha".equals(CollapsedStacks.thread(event).getJavaName()));

        assertThat(stacks.keySet()).anyMatch(stack -> stack.contains(".burnAlpha;"))
                .noneMatch(stack -> stack.contains(".burnBeta;"));
    }

    @Test
    void theFilterSeesWhenASampleWasTaken() throws Exception {
        Map<String, Long> stacks = CollapsedStacks.read(jfr, ProfileMode.CPU,
                event -> event.getStartTime().isAfter(betweenTheBurns));

        assertThat(stacks.keySet()).anyMatch(stack -> stack.contains(".burnBeta;"))
                .noneMatch(stack -> stack.contains(".burnAlpha;"));
    }

    @Test
    void otherKindsOfSamplesAreLeftOut() throws Exception {
        assertThat(CollapsedStacks.read(jfr, ProfileMode.WALL, event -> true)).isEmpty();
    }

    private static void runIn(String name, Runnable burn) throws InterruptedException {
        Thread thread = new Thread(burn, name);
        thread.start();
        thread.join();
    }

    private static void burnAlpha() {
        burn();
    }

    private static void burnBeta() {
        burn();
    }

    /**
     * 150 ms of CPU time and until the stream has delivered a few samples of this thread, however long a
     * shared machine takes to grant the time and the sampler its turns (a run that got no sample of the
     * second thread failed); at most 30 s.
     */
    private static void burn() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + Duration.ofMillis(150).toNanos();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        AtomicInteger seen = SAMPLES.computeIfAbsent(Thread.currentThread().getName(), t -> new AtomicInteger());
        long x = 1;
        while ((threads.getCurrentThreadCpuTime() < until || seen.get() < SAMPLES_SEEN) && System.nanoTime() < deadline) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink = x;
    }
}
