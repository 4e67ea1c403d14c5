package dev.queuescope.perf.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an overload run finds its knee when none is given: the newest sweep of the scenario that has one. */
class SweptKneeTests {

    @TempDir
    Path results;

    @Test
    void theNewestSweepWithAKneeGivesItsRateAndItsBestTrustedThroughput() throws Exception {
        sweep("20261126-100000-sweep-mixed", 300, 280, 400);
        sweep("20261126-110000-sweep-mixed", 400, 350, 500);
        sweep("20261126-120000-sweep-search", 900, 850, 1000);
        Files.createDirectories(results.resolve("20261126-130000-sweep-mixed"));

        assertThat(SweptKnee.latest(results, "mixed"))
                .contains(new SweptKnee(400, 350, false, "20261126-110000-sweep-mixed"));
    }

    @Test
    void aBestStepThatServedAllItWasOfferedIsOnlyALowerBoundOfTheMaximum() throws Exception {
        sweep("20261126-110000-sweep-mixed", 400, 350, 355);

        assertThat(SweptKnee.latest(results, "mixed")).hasValueSatisfying(knee -> {
            assertThat(knee.maxThroughput()).isEqualTo(350);
            assertThat(knee.lowerBound()).isTrue();
        });
    }

    @Test
    void noSweepNoKnee() throws Exception {
        assertThat(SweptKnee.latest(results, "mixed")).isEmpty();
    }

    /**
     * Two trusted steps (the knee's throughput is {@code best}, offered {@code bestOffered}) and one saturated
     * step that claims more.
     */
    private void sweep(String id, double knee, double best, double bestOffered) throws Exception {
        Path dir = Files.createDirectories(results.resolve(id));
        Files.writeString(dir.resolve("sweep.json"), """
                {"id": "%s", "knee": {"offeredRate": %s},
                 "steps": [{"offeredRate": %s, "achievedRate": %s, "generatorSaturated": false},
                           {"offeredRate": %s, "achievedRate": %s, "generatorSaturated": false},
                           {"offeredRate": 99999, "achievedRate": 99999, "generatorSaturated": true}]}"""
                .formatted(id, knee, best - 50, best - 50, bestOffered, best));
    }
}
