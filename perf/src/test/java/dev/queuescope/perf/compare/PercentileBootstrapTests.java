package dev.queuescope.perf.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call on synthetic runs: 30 s of 200 requests a second each, log-normal latencies. */
class PercentileBootstrapTests {

    @TempDir
    Path dir;

    @Test
    void aClearlySlowerRunIsCalledSlower() throws Exception {
        PercentileBootstrap.Band[] bands = PercentileBootstrap.bands(run("a", 1, 5.0), run("b", 2, 6.5), 50, 99);

        assertThat(bands).extracting(PercentileBootstrap.Band::call).containsExactly(Call.SLOWER, Call.SLOWER);
    }

    @Test
    void aClearlyFasterRunIsCalledFaster() throws Exception {
        PercentileBootstrap.Band[] bands = PercentileBootstrap.bands(run("a", 1, 6.5), run("b", 2, 5.0), 50, 99);

        assertThat(bands).extracting(PercentileBootstrap.Band::call).containsExactly(Call.FASTER, Call.FASTER);
    }

    @Test
    void twoRunsFromTheSameDistributionAreTheSameWithinNoise() throws Exception {
        PercentileBootstrap.Band[] bands = PercentileBootstrap.bands(run("a", 1, 5.0), run("b", 2, 5.0), 50, 90, 99);

        assertThat(bands).extracting(PercentileBootstrap.Band::call).containsOnly(Call.SAME);
        assertThat(bands[0].lowMs()).isNegative();
        assertThat(bands[0].highMs()).isPositive();
    }

    @Test
    void theSameRunsAlwaysGetTheSameBand() throws Exception {
        LatencySeconds a = run("a", 1, 5.0);
        LatencySeconds b = run("b", 2, 5.0);

        assertThat(PercentileBootstrap.bands(a, b, 99)).containsExactly(PercentileBootstrap.bands(a, b, 99));
    }

    private LatencySeconds run(String name, long seed, double medianMs) throws Exception {
        Path hlog = dir.resolve(name + ".hlog");
        SyntheticRun.hlog(hlog, seed, medianMs, 1_795_714_734_995L);
        return LatencySeconds.read(hlog);
    }
}
