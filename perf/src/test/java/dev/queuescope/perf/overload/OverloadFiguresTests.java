package dev.queuescope.perf.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.queuescope.perf.load.IntervalStats;
import dev.queuescope.perf.load.PhaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** summary.overload's figures from synthetic phases and seconds. */
class OverloadFiguresTests {

    /** Baseline 10 s at 100/s (p99 10 ms), overload 10 s at 400/s, recovery 10 s at 100/s. */
    private final List<PhaseResult> phases = List.of(
            phase("baseline", 100, 0, 10, histogram(1000, 5), histogram(0, 0), histogram(0, 0)),
            phase("overload", 400, 10, 10, histogram(1800, 80), histogram(2200, 2), histogram(0, 0)),
            phase("recovery", 100, 20, 10, histogram(1000, 5), histogram(0, 0), histogram(0, 0)));

    /** A sweep that saturated the service at 200 req/s. */
    private static final Knee KNEE = new Knee(150, 200, false, "sweep s");

    @Test
    void goodputIsTheOverloadPhasesSuccessesPerSecondOverTheMaximumThroughput() {
        OverloadFigures figures = OverloadFigures.of(phases, seconds(30, 20, 8.0), KNEE);

        assertThat(figures.goodputPerSecond()).isEqualTo(180);
        assertThat(figures.goodputRatio()).isCloseTo(0.9, within(1e-9));
        assertThat(phases.get(figures.overloadPhase()).name()).isEqualTo("overload");
    }

    @Test
    void goodputAboveAMaximumThatWasOnlyALowerBoundIsTheMaximumSeen() {
        OverloadFigures figures = OverloadFigures.of(phases, seconds(30, 20, 8.0), new Knee(150, 150, true, "option"));

        assertThat(figures.maxThroughput()).isEqualTo(180);
        assertThat(figures.goodputRatio()).isEqualTo(1.0);
    }

    @Test
    void goodputAboveAMeasuredMaximumKeepsItsRatio() {
        OverloadFigures figures = OverloadFigures.of(phases, seconds(30, 20, 8.0), new Knee(150, 150, false, "sweep s"));

        assertThat(figures.goodputRatio()).isCloseTo(1.2, within(1e-9));
    }

    @Test
    void theRejectP99IsTheOverloadPhasesRefusalsAndTheBaselineP99AllOfTheFirstPhase() {
        OverloadFigures figures = OverloadFigures.of(phases, seconds(30, 20, 8.0), KNEE);

        assertThat(figures.rejectP99Ms()).isCloseTo(2.0, within(0.01));
        assertThat(figures.baselineP99Ms()).isCloseTo(5.0, within(0.01));
    }

    @Test
    void noRefusalsGiveNoRejectP99() {
        List<PhaseResult> unshed = List.of(phases.get(0),
                phase("overload", 400, 10, 10, histogram(1800, 80), histogram(0, 0), histogram(0, 0)));

        assertThat(OverloadFigures.of(unshed, seconds(20, 20, 8.0), KNEE).rejectP99Ms()).isNull();
    }

    /** Seconds 20, 21 still slow, 22 fine, 23 slow, then 24–26 fine: recovered 4 s after the overload ended. */
    @Test
    void recoveryCountsSecondsUntilThreeInARowAreBackNearTheBaseline() {
        List<IntervalStats> seconds = new ArrayList<>(seconds(30, 20, 7.0));
        seconds.set(20, second(900));
        seconds.set(21, second(300));
        seconds.set(23, second(8.0));

        assertThat(OverloadFigures.of(phases, seconds, KNEE).recoverySeconds()).isEqualTo(4);
    }

    @Test
    void recoveryIsZeroWhenLatencyIsBackAtOnce() {
        assertThat(OverloadFigures.of(phases, seconds(30, 20, 7.0), KNEE).recoverySeconds()).isZero();
    }

    @Test
    void aServiceThatNeverGetsBackHasNoRecoverySeconds() {
        assertThat(OverloadFigures.of(phases, seconds(30, 0, 7.0), KNEE).recoverySeconds()).isNull();
    }

    @Test
    void silentSecondsDoNotCountAsRecovered() {
        List<IntervalStats> seconds = new ArrayList<>(seconds(30, 20, 7.0));
        seconds.set(21, new IntervalStats(21_000, 100, 0, 0, 0, 0, 0, 0, 0));

        assertThat(OverloadFigures.of(phases, seconds, KNEE).recoverySeconds()).isEqualTo(2);
    }

    /** {@code count} seconds; from {@code fastFrom} on with p99 {@code fastP99Ms}, before that 500 ms. */
    private static List<IntervalStats> seconds(int count, int fastFrom, double fastP99Ms) {
        List<IntervalStats> seconds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seconds.add(fastFrom > 0 && i >= fastFrom ? second(fastP99Ms) : second(500));
        }
        return seconds;
    }

    private static IntervalStats second(double p99Ms) {
        return new IntervalStats(0, 100, 100, 0, 0, p99Ms / 2, p99Ms, p99Ms, p99Ms);
    }

    /** {@code count} values of {@code ms} milliseconds each. */
    private static Histogram histogram(int count, double ms) {
        Histogram histogram = new Histogram(60_000_000L, 3);
        if (count > 0) {
            histogram.recordValueWithCount((long) (ms * 1000), count);
        }
        return histogram;
    }

    private static PhaseResult phase(String name, double rate, double start, double seconds, Histogram success,
            Histogram refused, Histogram other) {
        return new PhaseResult(name, rate, start, seconds, (long) (rate * seconds), false, "", success, refused, other,
                Map.of(), histogram(0, 0));
    }
}
