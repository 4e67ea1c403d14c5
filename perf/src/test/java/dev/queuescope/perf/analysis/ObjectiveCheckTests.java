package dev.queuescope.perf.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The binomial test behind "missed": exact figures computed independently (Python, exact fractions). */
class ObjectiveCheckTests {

    @Test
    void nineOfSevenHundredFiftyOverTheObjectiveIsWithinChance() {
        ObjectiveCheck check = new ObjectiveCheck(50, 51, 750, 9);

        assertThat(check.pValue()).isCloseTo(0.3377, within(1e-4));
        assertThat(check.missed(0.05)).isFalse();
        assertThat(check.line(0.05)).startsWith("p99 51.0 ms is over the objective of 50.0 ms by no more than chance: "
                + "9 of 750 requests took longer, where 1 % would be 7.5");
    }

    @Test
    void fourteenOfSevenHundredFiftyOverTheObjectiveIsAMiss() {
        ObjectiveCheck check = new ObjectiveCheck(50, 58, 750, 14);

        assertThat(check.pValue()).isCloseTo(0.0210, within(1e-4));
        assertThat(check.missed(0.05)).isTrue();
        assertThat(check.line(0.05)).startsWith("p99 58.0 ms missed the objective of 50.0 ms (14 of 750");
    }

    @Test
    void oneSlowRequestInSeventyFiveIsNotAMissButThreeAre() {
        assertThat(new ObjectiveCheck(50, 120, 75, 1).pValue()).isCloseTo(0.5294, within(1e-4));
        assertThat(new ObjectiveCheck(50, 120, 75, 3).pValue()).isCloseTo(0.0397, within(1e-4));
    }

    @Test
    void aLargeRunIsSummedWithoutUnderflow() {
        // 0.99^20000 is about 1e-87 and 0.99^100000 underflows a double: the sum runs in log space.
        assertThat(new ObjectiveCheck(50, 52, 20_000, 230).pValue()).isCloseTo(0.0197, within(1e-4));
        assertThat(new ObjectiveCheck(50, 80, 100_000, 5_000).missed(0.05)).isTrue();
    }

    @Test
    void aP99OnOrUnderTheObjectiveMetItWhateverTheCounts() {
        ObjectiveCheck check = new ObjectiveCheck(50, 50, 100, 0);

        assertThat(check.missed(0.05)).isFalse();
        assertThat(check.line(0.05)).isEqualTo("p99 50.0 ms met the objective of 50.0 ms");
    }
}
