package dev.queuescope.perf.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void poissonArrivalsHaveTheRequestedMeanRate() {
        List<Long> arrivals = arrivals(new ArrivalSchedule(ArrivalProcess.POISSON, 1_000, 0, 100 * SECOND, 7));

        // 100 000 expected, standard deviation √100 000 ≈ 316: ±1 % is more than three of them.
        assertThat(arrivals.size()).isCloseTo(100_000, within(1_000));
        double[] gaps = new double[arrivals.size() - 1];
        for (int i = 1; i < arrivals.size(); i++) {
            gaps[i - 1] = arrivals.get(i) - arrivals.get(i - 1);
        }
        double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / gaps.length);
        assertThat(mean / 1e6).as("mean gap, ms").isCloseTo(1.0, within(0.01));
        assertThat(sd / mean).as("exponential gaps: coefficient of variation 1").isCloseTo(1.0, within(0.02));
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        assertThat(arrivals(new ArrivalSchedule(ArrivalProcess.POISSON, 500, SECOND, SECOND, 3)))
                .isEqualTo(arrivals(new ArrivalSchedule(ArrivalProcess.POISSON, 500, SECOND, SECOND, 3)))
                .isNotEqualTo(arrivals(new ArrivalSchedule(ArrivalProcess.POISSON, 500, SECOND, SECOND, 4)));
    }

    @Test
    void constantArrivalsAreEvenlySpaced() {
        List<Long> arrivals = arrivals(new ArrivalSchedule(ArrivalProcess.CONSTANT, 1_000, 0, SECOND, 0));

        assertThat(arrivals).hasSize(1_000).startsWith(0L, 1_000_000L, 2_000_000L).endsWith(999_000_000L);
    }

    /** Rate 1 000/s ramped from 100/s over 10 s: 5 500 warm-up arrivals, then 1 000 per second. */
    @Test
    void theWarmUpRampsFromATenthToTheFullRate() {
        ArrivalSchedule schedule = new ArrivalSchedule(ArrivalProcess.CONSTANT, 1_000, 10 * SECOND, 10 * SECOND, 0);
        List<Long> arrivals = arrivals(schedule);

        assertThat(arrivals.stream().filter(schedule::measured).count()).isEqualTo(10_000);
        assertThat(arrivals.stream().filter(t -> !schedule.measured(t)).count()).isCloseTo(5_500, within(1L));
        assertThat(arrivals.stream().filter(t -> t < SECOND).count()).as("first second: 100 → 190/s")
                .isCloseTo(145, within(1L));
        assertThat(arrivals.stream().filter(t -> t >= 9 * SECOND && t < 10 * SECOND).count())
                .as("last warm-up second: 910 → 1 000/s").isCloseTo(955, within(1L));
        assertThat(schedule.rateAt(0)).isEqualTo(100);
        assertThat(schedule.rateAt(5 * SECOND)).isCloseTo(550, within(1e-9));
        assertThat(schedule.rateAt(15 * SECOND)).isEqualTo(1_000);
    }

    private static List<Long> arrivals(ArrivalSchedule schedule) {
        List<Long> arrivals = new ArrayList<>();
        for (long at = schedule.next(); at != ArrivalSchedule.EXHAUSTED; at = schedule.next()) {
            arrivals.add(at);
        }
        return arrivals;
    }
}
