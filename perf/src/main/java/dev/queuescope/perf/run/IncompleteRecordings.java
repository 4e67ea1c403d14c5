package dev.queuescope.perf.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordingFile;

/**
 * The recordings a shop writes as it exits — JFR's shop.jfr, async-profiler's profile.jfr — stay unfinished when
 * it has to be killed (a JVM out of memory does not stop within its grace period). Such a file cannot be read,
 * and every step after the load would fail on it. It is set aside as {@code <name>.incomplete}, kept for a look:
 * the run still gets its summary and report from what the generator and the metrics saw, without JFR evidence.
 */
final class IncompleteRecordings {

    private IncompleteRecordings() {
    }

    /** The names of the recordings in {@code run} that could not be read, now renamed {@code <name>.incomplete}. */
    static List<String> setAside(Path run) throws IOException {
        List<String> setAside = new ArrayList<>();
        for (String name : RunDirectory.RECORDINGS) {
            Path recording = run.resolve(name);
            if (Files.exists(recording) && !readable(recording)) {
                Files.move(recording, run.resolve(name + ".incomplete"), StandardCopyOption.REPLACE_EXISTING);
                setAside.add(name);
            }
        }
        return setAside;
    }

    private static boolean readable(Path recording) {
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                file.readEvent();
            }
            return true;
        } catch (IOException | RuntimeException unfinished) {
            // The JDK's parser meets a file cut off mid-chunk with an unchecked exception as often as an IOException.
            return false;
        }
    }
}
