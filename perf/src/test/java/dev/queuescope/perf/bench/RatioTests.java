package dev.queuescope.perf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class RatioTests {

    private static Ratio.Builder builder(double target) {
        return new Ratio.Builder("measure", "baseline", target, "req/s");
    }

    @Test
    void theRatioIsTheMedianOfTheRepeatsRatiosAndTheSpreadTheirRange() {
        Ratio.Builder ratio = builder(0.5);
        ratio.add(new Side(300, 20.0), new Side(1000, 4.0));
        ratio.add(new Side(500, 30.0), new Side(1000, 5.0));
        ratio.add(new Side(400, 10.0), new Side(1000, 6.0));

        Ratio built = ratio.build();

        assertThat(built.ratio()).isEqualTo(0.4, offset(1e-9));
        assertThat(built.spread()).isEqualTo(0.2, offset(1e-9));
        assertThat(built.p99Ms()).isEqualTo(20.0);
        assertThat(built.baselineP99Ms()).isEqualTo(5.0);
        assertThat(built.met()).isFalse();
    }

    @Test
    void anEvenNumberOfRepeatsTakesTheMeanOfTheMiddleTwo() {
        Ratio.Builder ratio = builder(0.5);
        ratio.add(new Side(600, 1.0), new Side(1000, 1.0));
        ratio.add(new Side(800, 1.0), new Side(1000, 1.0));

        assertThat(ratio.build().ratio()).isEqualTo(0.7, offset(1e-9));
        assertThat(ratio.build().met()).isTrue();
    }

    @Test
    void bulkMeasuresHaveNoP99() {
        Ratio.Builder ratio = builder(0.8);
        ratio.add(Side.bulk(20_000), Side.bulk(40_000));

        assertThat(ratio.build().p99Ms()).isNull();
        assertThat(ratio.build().baselineP99Ms()).isNull();
    }
}
