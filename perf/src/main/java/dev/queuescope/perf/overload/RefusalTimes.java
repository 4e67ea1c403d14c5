package dev.queuescope.perf.overload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.Histogram;

/**
 * Where a refusal's time went, from the shop's own {@code queuescope.HttpRequest} events: the wait
 * before the shop's first filter saw the request (from the generator's intended start: sending, the
 * kernel, the connector, a worker thread, a CPU) and the time inside the shop (deciding to refuse and
 * writing the 503/429). A slow refusal with a short inside time was queued before the shop could refuse it.
 *
 * @param refusals         429 and 503 the shop recorded with an intended start in the window
 * @param beforeShopP99Ms  p99 of intended start → first filter
 * @param inShopP99Ms      p99 of first filter → response written
 */
public record RefusalTimes(long refusals, double beforeShopP99Ms, double inShopP99Ms) {

    static final String REQUEST_EVENT = "queuescope.HttpRequest";

    /**
     * The refusals whose intended start lies in [{@code from}, {@code to}); empty when the recording has none
     * (no JFR file, an attached shop without the events, or no refusal).
     */
    public static Optional<RefusalTimes> read(Path shopJfr, Instant from, Instant to) throws IOException {
        if (!Files.isRegularFile(shopJfr)) {
            return Optional.empty();
        }
        long fromMicros = micros(from);
        long toMicros = micros(to);
        Histogram before = new Histogram(3);
        Histogram inside = new Histogram(3);
        try (RecordingFile recording = new RecordingFile(shopJfr)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals(REQUEST_EVENT) || !refused(event.getInt("status"))) {
                    continue;
                }
                long intended = event.getLong("intendedStartMicros");
                if (intended < fromMicros || intended >= toMicros) {
                    continue;
                }
                before.recordValue(Math.max(0, micros(event.getStartTime()) - intended));
                inside.recordValue(Math.max(0, event.getDuration().toNanos() / 1000));
            }
        }
        if (before.getTotalCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(new RefusalTimes(before.getTotalCount(), before.getValueAtPercentile(99) / 1000.0,
                inside.getValueAtPercentile(99) / 1000.0));
    }

    private static boolean refused(int status) {
        return status == 429 || status == 503;
    }

    private static long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1000;
    }
}
