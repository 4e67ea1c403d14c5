package dev.queuescope;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Streams the given JFR events of this JVM while a test runs. The recording starts before the
 * constructor returns, so every event committed afterwards is delivered (within about a second,
 * JFR's flush period), which {@link #awaitFirst} waits for.
 */
final class JfrEventCollector implements AutoCloseable {

    private final RecordingStream stream = new RecordingStream();
    private final List<RecordedEvent> events = new CopyOnWriteArrayList<>();

    JfrEventCollector(String... eventNames) {
        for (String name : eventNames) {
            stream.enable(name).withoutStackTrace().withThreshold(Duration.ZERO);
            stream.onEvent(name, events::add);
        }
        stream.startAsync();
    }

    /** The first event of that name matching the predicate, waiting up to 10 seconds for it. */
    RecordedEvent awaitFirst(String eventName, Predicate<RecordedEvent> matching) {
        return awaitFirst(eventName, matching, () -> { });
    }

    /**
     * The same, running {@code eachPoll} before each look (every 100 ms): a load that the waiting itself
     * paces, ending the moment the event is there.
     */
    RecordedEvent awaitFirst(String eventName, Predicate<RecordedEvent> matching, Runnable eachPoll) {
        Predicate<RecordedEvent> wanted = e -> e.getEventType().getName().equals(eventName) && matching.test(e);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            eachPoll.run();
            return events.stream().anyMatch(wanted);
        });
        return events.stream().filter(wanted).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        stream.close();
    }
}
