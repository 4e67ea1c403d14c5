package dev.queuescope.perf.overload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.load.IntervalStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashCheckTests {

    @TempDir
    Path dir;

    private static final IntervalStats ANSWERED = new IntervalStats(0, 100, 50, 0, 50, 1, 2, 3, 2);
    private static final IntervalStats SILENT = new IntervalStats(0, 100, 0, 3, 0, 0, 0, 0, 0);

    @Test
    void aServiceThatShedsAndKeepsRunningDidNotCrash() {
        assertThat(CrashCheck.of(true, null, Collections.nCopies(10, ANSWERED)).crashed()).isFalse();
    }

    @Test
    void anExitedProcessCrashed() {
        assertThat(CrashCheck.of(false, null, Collections.nCopies(10, ANSWERED)).crashed()).isTrue();
    }

    @Test
    void anOutOfMemoryErrorInTheLogIsACrashButTheHeapDumpFlagIsNot() throws Exception {
        Path log = dir.resolve("shop.log");
        Files.writeString(log, "JVM options: -XX:+HeapDumpOnOutOfMemoryError\n");
        assertThat(CrashCheck.of(true, log, List.of()).crashed()).isFalse();

        Files.writeString(log, "Exception in thread \"http-1\" java.lang.OutOfMemoryError: Java heap space\n");
        assertThat(CrashCheck.of(true, log, List.of()).evidence()).singleElement().asString()
                .contains("java.lang.OutOfMemoryError");
    }

    @Test
    void fiveSecondsWithoutAnyAnswerWhileSendingIsACrash() {
        List<IntervalStats> seconds = new ArrayList<>(Collections.nCopies(3, ANSWERED));
        seconds.addAll(Collections.nCopies(4, SILENT));
        assertThat(CrashCheck.of(null, null, seconds).crashed()).as("four seconds").isFalse();

        seconds.add(SILENT);
        assertThat(CrashCheck.of(null, null, seconds).crashed()).isTrue();
    }
}
