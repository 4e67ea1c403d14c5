package dev.queuescope.perf.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A phased schedule: a piecewise-constant rate after the warm-up, intended starts computed across boundaries. */
class PhasedArrivalScheduleTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** 100/s for 2 s, 300/s for 1 s, 100/s for 1 s. */
    private static final List<RatePhase> PHASES = List.of(new RatePhase("baseline", 100, Duration.ofSeconds(2)),
            new RatePhase("overload", 300, Duration.ofSeconds(1)), new RatePhase("recovery", 100, Duration.ofSeconds(1)));

    @Test
    void eachPhaseSendsItsOwnRateForItsOwnSeconds() {
        List<Long> arrivals = arrivals(new ArrivalSchedule(ArrivalProcess.CONSTANT, PHASES, 0, 0));

        assertThat(arrivals).hasSize(200 + 300 + 100);
        assertThat(arrivals.stream().filter(t -> t < 2 * SECOND).count()).isEqualTo(200);
        assertThat(arrivals.stream().filter(t -> t >= 2 * SECOND && t < 3 * SECOND).count()).isEqualTo(300);
        assertThat(arrivals.stream().filter(t -> t >= 3 * SECOND).count()).isEqualTo(100);
    }

    @Test
    void intendedStartsChangeSpacingExactlyAtTheBoundary() {
        List<Long> arrivals = arrivals(new ArrivalSchedule(ArrivalProcess.CONSTANT, PHASES, 0, 0));

        assertThat(arrivals.get(199)).as("last of the baseline").isEqualTo(1_990_000_000L);
        assertThat(arrivals.get(200)).as("first of the overload: at the boundary").isEqualTo(2 * SECOND);
        assertThat(arrivals.get(201) - arrivals.get(200)).as("then 1/300 s apart").isCloseTo(3_333_333L, within(1L));
        assertThat(arrivals.get(500)).as("first of the recovery").isCloseTo(3 * SECOND, within(1L));
        assertThat(arrivals.get(501) - arrivals.get(500)).isCloseTo(10_000_000L, within(1L));
    }

    /** 1 s warm-up ramping 10 → 100 % of the first phase's rate: 55 arrivals, then the phases shifted by 1 s. */
    @Test
    void theWarmUpRampsToTheFirstPhaseAndThePhasesFollowIt() {
        ArrivalSchedule schedule = new ArrivalSchedule(ArrivalProcess.CONSTANT, PHASES, SECOND, 0);
        List<Long> arrivals = arrivals(schedule);

        assertThat(arrivals.stream().filter(t -> !schedule.measured(t)).count()).isCloseTo(55, within(1L));
        assertThat(arrivals.stream().filter(t -> t >= 3 * SECOND && t < 4 * SECOND).count()).isEqualTo(300);
        assertThat(schedule.endNanos()).isEqualTo(5 * SECOND);
        assertThat(schedule.rateAt(SECOND / 2)).isCloseTo(55, within(1e-9));
        assertThat(schedule.rateAt(3 * SECOND + 1)).isEqualTo(300);
        assertThat(schedule.rateAt(4 * SECOND)).isEqualTo(100);
    }

    @Test
    void aRequestBelongsToThePhaseOfItsIntendedStart() {
        ArrivalSchedule schedule = new ArrivalSchedule(ArrivalProcess.CONSTANT, PHASES, SECOND, 0);

        assertThat(schedule.phaseOf(SECOND - 1)).as("warm-up").isEqualTo(-1);
        assertThat(schedule.phaseOf(SECOND)).isZero();
        assertThat(schedule.phaseOf(3 * SECOND - 1)).isZero();
        assertThat(schedule.phaseOf(3 * SECOND)).isEqualTo(1);
        assertThat(schedule.phaseOf(4 * SECOND)).isEqualTo(2);
    }

    @Test
    void poissonArrivalsFollowThePhasesRatesOnAverage() {
        List<RatePhase> phases = List.of(new RatePhase("baseline", 1_000, Duration.ofSeconds(20)),
                new RatePhase("overload", 3_000, Duration.ofSeconds(20)));
        List<Long> arrivals = arrivals(new ArrivalSchedule(ArrivalProcess.POISSON, phases, 0, 11));

        // 20 000 and 60 000 expected; standard deviations ≈ 141 and 245: ±2 % is more than four of them.
        assertThat(arrivals.stream().filter(t -> t < 20 * SECOND).count()).isCloseTo(20_000, within(400L));
        assertThat(arrivals.stream().filter(t -> t >= 20 * SECOND).count()).isCloseTo(60_000, within(1_200L));
    }

    @Test
    void aPhasedPlanAddsUpItsPhases() {
        LoadPlan plan = LoadPlan.phased(java.net.URI.create("http://127.0.0.1:1"), PHASES, Duration.ofSeconds(1),
                ArrivalProcess.CONSTANT, 8, Duration.ofSeconds(1), "run", 0);

        assertThat(plan.duration()).isEqualTo(Duration.ofSeconds(4));
        assertThat(plan.ratePerSecond()).isEqualTo(100);
        assertThat(plan.isPhased()).isTrue();
    }

    private static List<Long> arrivals(ArrivalSchedule schedule) {
        List<Long> arrivals = new ArrayList<>();
        for (long at = schedule.next(); at != ArrivalSchedule.EXHAUSTED; at = schedule.next()) {
            arrivals.add(at);
        }
        return arrivals;
    }
}
