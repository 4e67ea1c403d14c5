package dev.queuescope.perf.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencySecondsTests {

    @TempDir
    Path dir;

    @Test
    void allSecondsTogetherGiveTheMergedHistogramsPercentiles() throws Exception {
        Path hlog = dir.resolve("latency.hlog");
        Histogram merged = SyntheticRun.hlog(hlog, 7, 5.0, 1_000_000L);
        double[] percentiles = {50, 90, 99, 99.9, 100};

        double[] ms = LatencySeconds.read(hlog).percentilesMs(IntStream.range(0, SyntheticRun.SECONDS).toArray(),
                percentiles);

        for (int p = 0; p < percentiles.length; p++) {
            assertThat(ms[p]).as("p%s", percentiles[p])
                    .isEqualTo(merged.getValueAtPercentile(percentiles[p]) / 1_000.0);
        }
    }

    @Test
    void theMeasuredPhaseSpansTheLoggedSeconds() throws Exception {
        Path hlog = dir.resolve("latency.hlog");
        SyntheticRun.hlog(hlog, 7, 5.0, 1_000_000L);

        LatencySeconds seconds = LatencySeconds.read(hlog);

        assertThat(seconds.from().toEpochMilli()).isEqualTo(1_000_000L);
        assertThat(seconds.to().toEpochMilli()).isEqualTo(1_000_000L + 1_000L * SyntheticRun.SECONDS);
    }

    @Test
    void aLogTooShortToResampleInBlocksIsRejected() throws Exception {
        Path hlog = dir.resolve("latency.hlog");
        SyntheticRun.hlog(hlog, 7, 5.0, 1_000_000L, PercentileBootstrap.MIN_SECONDS - 1);

        assertThatIllegalArgumentException().isThrownBy(() -> LatencySeconds.read(hlog))
                .withMessageContaining("has 9 seconds; at least 10 are needed");
    }

    @Test
    void aLogWithoutRequestsIsRejected() throws Exception {
        Path hlog = Files.writeString(dir.resolve("latency.hlog"), "#[Histogram log format version 1.3]\n");

        assertThatIllegalArgumentException().isThrownBy(() -> LatencySeconds.read(hlog))
                .withMessageContaining("No requests in");
    }
}
