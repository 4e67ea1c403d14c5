package dev.queuescope.perf.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class KneeTests {

    @Test
    void noKneeWhileThroughputFollowsAndP99StaysOnItsPlateau() {
        List<Step> steps = List.of(step(20, 20, 10), step(50, 50, 12), step(100, 99, 11), step(150, 148, 21),
                step(200, 195, 21.9));

        assertThat(Knee.find(steps)).isEmpty();
        assertThat(Knee.find(List.of())).isEmpty();
    }

    @Test
    void throughputBelowNinetyPercentOfTheSentRateIsTheKnee() {
        List<Step> steps = List.of(step(20, 20, 10), step(50, 50, 10), step(100, 91, 10), step(150, 133, 10));

        assertThat(Knee.find(steps)).hasValueSatisfying(knee -> {
            assertThat(knee.offeredRate()).isEqualTo(150);
            assertThat(knee.throughputFellBehind()).isTrue();
            assertThat(knee.p99LeftPlateau()).isFalse();
        });
    }

    @Test
    void theSentRateNotTheIntendedOneIsWhatThroughputMustFollow() {
        // The arrivals sent 12 % fewer than intended; the service answered all of them.
        Step light = new Step(10, 100, 88, 88, 1, 10, 2, 0.2, false, "step-01", Map.of());

        assertThat(Knee.find(List.of(light, step(200, 200, 10), step(300, 300, 10)))).isEmpty();
    }

    @Test
    void p99AboveTwiceTheMedianOfTheFirstThreeStepsForGoodIsTheKnee() {
        // Plateau: median(10, 12, 11) = 11; 21 stays under 22, 23 does not, and neither does anything after.
        List<Step> steps = List.of(step(20, 20, 10), step(50, 50, 12), step(100, 100, 11), step(150, 150, 21),
                step(200, 200, 23), step(250, 250, 80));

        assertThat(Knee.find(steps)).hasValueSatisfying(knee -> {
            assertThat(knee.offeredRate()).isEqualTo(200);
            assertThat(knee.p99LeftPlateau()).isTrue();
            assertThat(knee.throughputFellBehind()).isFalse();
        });
    }

    @Test
    void aLoneP99SpikeAtALightStepIsNeitherThePlateauNorTheKnee() {
        List<Step> steps = List.of(step(20, 20, 10), step(50, 50, 40), step(100, 100, 11), step(150, 150, 12),
                step(200, 200, 30), step(250, 250, 50));

        assertThat(Knee.find(steps)).hasValueSatisfying(knee -> assertThat(knee.offeredRate()).isEqualTo(200));
        assertThat(Knee.find(steps.subList(0, 4))).isEmpty();
    }

    @Test
    void theQueueWhoseWaitRoseMostSinceTheStepBeforeTheKneeGrewFirst() {
        List<Step> steps = List.of(step(20, 20, 10), step(50, 50, 10, waits("db-pool", 0.1, "db-statements", 2.0)),
                step(100, 80, 10, waits("db-pool", 9.0, "db-statements", 4.0)));

        assertThat(Knee.find(steps)).hasValueSatisfying(knee -> assertThat(knee.queueThatGrewFirst()).isEqualTo("db-pool"));
    }

    @Test
    void aQueueNotMeasuredAtBothStepsIsNotCompared() {
        Step before = step(50, 50, 10, waits("db-pool", null, "db-statements", 2.0, "gc", 1.0));
        Step knee = step(100, 80, 10, waits("db-pool", 50.0, "db-statements", 2.5, "gc", null));

        assertThat(Knee.queueThatGrewMost(before, knee)).isEqualTo("db-statements");
    }

    @Test
    void aTieNoRiseOrNoDataNamesNoQueue() {
        Step before = step(50, 50, 10, waits("db-pool", 1.0, "db-statements", 2.0));

        assertThat(Knee.queueThatGrewMost(before, step(100, 80, 10, waits("db-pool", 3.0, "db-statements", 4.0))))
                .as("tie").isNull();
        assertThat(Knee.queueThatGrewMost(before, step(100, 80, 10, waits("db-pool", 0.5, "db-statements", 2.0))))
                .as("no rise").isNull();
        assertThat(Knee.queueThatGrewMost(before, step(100, 80, 10, waits("db-pool", null, "db-statements", null))))
                .as("not measured").isNull();
        assertThat(Knee.queueThatGrewMost(step(50, 50, 10), step(100, 80, 10))).as("no queues").isNull();
    }

    @Test
    void aKneeAtTheFirstStepHasNoStepBeforeItToCompareWith() {
        List<Step> steps = List.of(step(20, 10, 10, waits("db-pool", 5.0)), step(50, 20, 10, waits("db-pool", 9.0)));

        assertThat(Knee.find(steps)).hasValueSatisfying(knee -> {
            assertThat(knee.offeredRate()).isEqualTo(20);
            assertThat(knee.queueThatGrewFirst()).isNull();
        });
    }

    /** A step that sent exactly its offered rate. */
    private static Step step(double offered, double achieved, double p99) {
        return step(offered, achieved, p99, Map.of());
    }

    private static Step step(double offered, double achieved, double p99, Map<String, @Nullable Double> waits) {
        return new Step(offered / 2, offered, offered, achieved, p99 / 4, p99, p99 / 3, achieved * p99 / 3000, false,
                "step", waits);
    }

    /** name, wait, name, wait, ... (waits may be null: not measured). */
    private static Map<String, @Nullable Double> waits(Object... pairs) {
        Map<String, @Nullable Double> waits = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            waits.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return waits;
    }
}
