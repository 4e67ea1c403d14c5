package dev.queuescope.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncompleteRecordingsTests {

    @TempDir
    Path run;

    @Test
    void aFinishedRecordingStaysWhereTheAnalysisReadsIt() throws Exception {
        record(run.resolve("shop.jfr"));

        assertThat(IncompleteRecordings.setAside(run)).isEmpty();
        assertThat(run.resolve("shop.jfr")).exists();
    }

    @Test
    void anEmptyRecordingOfAKilledShopIsSetAside() throws Exception {
        Files.createFile(run.resolve("shop.jfr"));

        assertThat(IncompleteRecordings.setAside(run)).containsExactly("shop.jfr");
        assertThat(run.resolve("shop.jfr")).doesNotExist();
        assertThat(run.resolve("shop.jfr.incomplete")).exists();
    }

    @Test
    void aRecordingCutOffMidChunkIsSetAsideAndAFinishedOneBesideItKept() throws Exception {
        record(run.resolve("shop.jfr"));
        Path whole = run.resolve("whole.jfr");
        record(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(run.resolve("profile.jfr"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(IncompleteRecordings.setAside(run)).containsExactly("profile.jfr");
        assertThat(run.resolve("shop.jfr")).exists();
        assertThat(run.resolve("profile.jfr.incomplete")).exists();
    }

    @Test
    void aRunWithoutRecordingsHasNothingToSetAside() throws Exception {
        assertThat(IncompleteRecordings.setAside(run)).isEmpty();
    }

    private static void record(Path file) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable("jdk.CPULoad");
            recording.start();
            recording.stop();
            recording.dump(file);
        }
    }
}
