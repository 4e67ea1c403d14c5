package dev.queuescope.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSelfCheckTests {

    @TempDir
    Path dir;

    @Test
    void aRecordingThatLostNothingReportsZero() throws Exception {
        Path file = dir.resolve("small.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.CPULoad");
            recording.start();
            recording.stop();
            recording.dump(file);
        }

        assertThat(JfrSelfCheck.droppedBytes(file)).isZero();
    }

    @Test
    void noRecordingIsUnknownNotZero() throws Exception {
        assertThat(JfrSelfCheck.droppedBytes(dir.resolve("absent.jfr"))).isNull();
    }
}
