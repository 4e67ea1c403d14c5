package dev.queuescope.perf.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a backlog's depth, sampled each second over the window, counts as growing (rise of at least 10 items). */
class BacklogGrowthTests {

    @Test
    void aBacklogThatHeldForAThirdAndThenRoseGrows() {
        // The slow-listener lab's outbox in labs run G (2026-11-27): 20, 20, 37 by thirds.
        List<Double> depth = List.of(8.0, 12.0, 20.0, 20.0, 24.0, 19.0, 15.0, 20.0, 22.0, 27.0, 35.0, 37.0, 33.0, 43.0, 47.0);

        assertThat(Ledger.backlogGrows(depth, 10)).isTrue();
    }

    @Test
    void aStepThatThenHeldDoesNotGrow() {
        List<Double> depth = List.of(0.0, 0.0, 0.0, 40.0, 40.0, 40.0, 40.0, 41.0, 40.0);

        assertThat(Ledger.backlogGrows(depth, 10)).isFalse();
    }

    @Test
    void aRiseOfAFewItemsDoesNotGrow() {
        List<Double> depth = List.of(0.0, 1.0, 0.0, 2.0, 3.0, 2.0, 4.0, 5.0, 6.0);

        assertThat(Ledger.backlogGrows(depth, 10)).isFalse();
    }

    @Test
    void aBacklogThatFellInTheMiddleDoesNotGrow() {
        List<Double> depth = List.of(30.0, 30.0, 30.0, 10.0, 10.0, 10.0, 45.0, 45.0, 45.0);

        assertThat(Ledger.backlogGrows(depth, 10)).isFalse();
    }
}
