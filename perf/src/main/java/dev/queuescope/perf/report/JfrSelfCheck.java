package dev.queuescope.perf.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * Whether the recording can be trusted: JFR writes a {@code jdk.DataLoss} event when its buffers
 * overflowed and events were dropped. The count of dropped bytes goes into
 * {@code selfCheck.jfrDroppedEvents} (0 means none were lost); null when there is no recording.
 */
public final class JfrSelfCheck {

    private JfrSelfCheck() {
    }

    public static @Nullable Long droppedBytes(Path recording) throws IOException {
        if (!Files.exists(recording)) {
            return null;
        }
        long lost = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.DataLoss")) {
                    lost += event.getLong("amount");
                }
            }
        }
        return lost;
    }
}
