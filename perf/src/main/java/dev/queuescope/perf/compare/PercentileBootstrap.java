package dev.queuescope.perf.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How much a latency percentile moves between two runs by chance alone, estimated from each run's
 * own second-to-second variation: a circular block bootstrap over the seconds of latency.hlog.
 *
 * <p>The rule: draw each run's seconds anew, in blocks of {@value #BLOCK_SECONDS} consecutive seconds
 * (wrapping around at the end) until it has as many seconds as it measured; take the percentile of
 * the requests of the drawn seconds together, for B and for A; repeat {@value #RESAMPLES} times. The
 * middle 95 % of the B − A differences is the noise band of the difference. Band wholly above zero:
 * B is slower; wholly below: faster; otherwise the runs are the same within noise. Blocks, not single
 * seconds, because neighbouring seconds are alike (a queue that builds up lasts for several), and
 * resampling single seconds would make the band too narrow. The seed is fixed: the same two runs
 * always get the same call.
 *
 * <p>What it cannot see: noise between runs that stays constant within a run (JIT decisions, a
 * neighbour on the machine for the whole run). A call says the difference is larger than each run's
 * own jitter, not that a change in the code caused it.
 */
final class PercentileBootstrap {

    static final int RESAMPLES = 2_000;
    static final int BLOCK_SECONDS = 5;
    static final long SEED = 42;
    /** Below two blocks there is nothing to resample: {@link LatencySeconds#read} rejects shorter runs. */
    static final int MIN_SECONDS = 2 * BLOCK_SECONDS;
    /** The rule in one sentence, for the outputs. */
    static final String RULE = "noise band = middle 95 % of B - A over " + RESAMPLES + " circular block "
            + "bootstrap resamples of each run's seconds (latency.hlog, blocks of " + BLOCK_SECONDS
            + " s, seed " + SEED + "); band above 0: slower, below 0: faster, else same within noise. "
            + "It sees each run's own second-to-second noise, not run-to-run differences: repeat runs to be sure.";

    /** The 95 % noise band of B − A for one percentile, in ms. */
    record Band(double percentile, double lowMs, double highMs) {

        Call call() {
            return lowMs > 0 ? Call.SLOWER : highMs < 0 ? Call.FASTER : Call.SAME;
        }
    }

    private PercentileBootstrap() {
    }

    static Band[] bands(LatencySeconds a, LatencySeconds b, double... percentiles) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] differences = new double[percentiles.length][RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double[] pa = a.percentilesMs(resample(a.seconds(), random), percentiles);
            double[] pb = b.percentilesMs(resample(b.seconds(), random), percentiles);
            for (int p = 0; p < percentiles.length; p++) {
                differences[p][r] = pb[p] - pa[p];
            }
        }
        Band[] bands = new Band[percentiles.length];
        for (int p = 0; p < percentiles.length; p++) {
            Arrays.sort(differences[p]);
            bands[p] = new Band(percentiles[p], differences[p][RESAMPLES / 40],
                    differences[p][RESAMPLES - 1 - RESAMPLES / 40]);
        }
        return bands;
    }

    /** Second indexes drawn in circular blocks, as many as the run has. */
    private static int[] resample(int seconds, SplittableRandom random) {
        int[] drawn = new int[seconds];
        for (int i = 0; i < seconds; ) {
            int start = random.nextInt(seconds);
            for (int k = 0; k < BLOCK_SECONDS && i < seconds; k++) {
                drawn[i++] = (start + k) % seconds;
            }
        }
        return drawn;
    }
}
