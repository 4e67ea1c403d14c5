package dev.queuescope.perf.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SteadyWarmupTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void endsAtTheFirstTwoSlicesInARowThatAgreeWithinTheTolerance() throws Exception {
        Iterator<Double> rates = List.of(100.0, 150.0, 190.0, 195.0, 300.0).iterator();

        List<Double> slices = new SteadyWarmup(Duration.ZERO, MINUTE, 0.05).run(rates::next);

        assertThat(slices).containsExactly(100.0, 150.0, 190.0, 195.0);
    }

    @Test
    void goesOnWhileTheLeastHasNotPassedEvenWhenSteady() throws Exception {
        List<Double> slices = new SteadyWarmup(Duration.ofMillis(100), MINUTE, 0.05).run(() -> {
            TimeUnit.MILLISECONDS.sleep(10);
            return 100.0;
        });

        assertThat(slices).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void endsWhenTheMostHasPassedThoughNeverSteady() throws Exception {
        int[] slice = {0};

        List<Double> slices = new SteadyWarmup(Duration.ZERO, Duration.ofMillis(100), 0.05).run(() -> {
            TimeUnit.MILLISECONDS.sleep(10);
            return slice[0]++ % 2 == 0 ? 100.0 : 200.0;
        });

        assertThat(slices).hasSizeGreaterThanOrEqualTo(10).hasSizeLessThan(1_000);
        assertThat(slices.getLast()).isNotEqualTo(slices.get(slices.size() - 2));
    }
}
