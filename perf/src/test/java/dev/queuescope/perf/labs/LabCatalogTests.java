package dev.queuescope.perf.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.queuescope.perf.capacity.Capacity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** perf/labs.json, and how a lab's rate follows the machine. */
class LabCatalogTests {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final LabCatalog.RateReference REFERENCE =
            new LabCatalog.RateReference("search-and-orders", 8, 600, 300, "a test");

    @Test
    void everyLabInTheCatalogSaysWhichSpeedItsRateFollows() throws IOException {
        List<Lab> labs = LabCatalog.load(REPO).labs();

        assertThat(labs).isNotEmpty().allSatisfy(lab -> assertThat(lab.pace()).as(lab.name()).isNotNull());
    }

    @Test
    void aLabThatAddsWorkOverTheCoresFollowsTheCoresSpeed() {
        MachineSpeed speed = MachineSpeed.of(measured(300, 270), REFERENCE);

        assertThat(lab(Lab.Pace.CORES).rateAt(speed)).isCloseTo(50, within(1e-9));
    }

    @Test
    void aLabThatFillsOneLaneFollowsTheSpeedOfOneRequestAlone() {
        MachineSpeed speed = MachineSpeed.of(measured(300, 270), REFERENCE);

        assertThat(lab(Lab.Pace.LANE).rateAt(speed)).isCloseTo(90, within(1e-9));
    }

    @Test
    void aLabMadeByAFixedDelayKeepsItsRateOnAnyMachine() {
        MachineSpeed speed = MachineSpeed.of(measured(300, 270), REFERENCE);

        assertThat(lab(Lab.Pace.FIXED).rateAt(speed)).isEqualTo(100);
    }

    @Test
    void aMeasureOfAnotherScenarioOrConcurrencyIsNoSpeed() {
        Capacity atFour = new Capacity("search-and-orders", 4, List.of(), 10, 300, 3000, 0, 270);

        assertThatThrownBy(() -> MachineSpeed.of(atFour, REFERENCE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at 4 connections");
    }

    private static Capacity measured(double requestsPerSecond, double oneAtATime) {
        return new Capacity("search-and-orders", 8, List.of(), 10, requestsPerSecond, 3000, 0, oneAtATime);
    }

    private static Lab lab(Lab.Pace pace) {
        return new Lab("a-lab", "an anti-pattern", "cpu", "frame", false, "search", 100, pace, 15, List.of(), List.of());
    }
}
