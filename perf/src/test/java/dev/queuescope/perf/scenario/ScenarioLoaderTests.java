package dev.queuescope.perf.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTests {

    @Test
    void theMixedScenarioHasItsDocumentedShape() {
        Scenario mixed = ScenarioLoader.load("mixed", Path.of("scenarios"));

        assertThat(mixed.objective().p99Ms()).isEqualTo(50);
        assertThat(mixed.requests()).extracting(Scenario.Request::name, Scenario.Request::weight).containsExactly(
                tuple("product-by-id", 70.0),
                tuple("list-page", 15.0),
                tuple("search", 10.0),
                tuple("place-order", 5.0));
    }

    @Test
    void theProviderOutageScenarioIsTheMixedRequestsWithATenSecondOutageAfterItsBaseline() {
        Scenario outage = ScenarioLoader.load("provider-outage", Path.of("scenarios"));
        Scenario mixed = ScenarioLoader.load("mixed", Path.of("scenarios"));

        assertThat(outage.phases()).extracting(Scenario.Phase::name, Scenario.Phase::seconds,
                Scenario.Phase::providerOutageSeconds).containsExactly(
                tuple("baseline", 20, null),
                tuple("outage", 10, 10),
                tuple("after", 40, null));
        assertThat(outage.providerOutagePhase()).hasValue(1);
        assertThat(outage.phases()).extracting(Scenario.Phase::rateOfKnee).containsOnly(0.5);
        assertThat(outage.requests()).isEqualTo(mixed.requests());
    }

    @Test
    void anOverloadScenarioHasNoOutagePhase() {
        assertThat(ScenarioLoader.load("overload", Path.of("scenarios")).providerOutagePhase()).isEmpty();
    }

    @Test
    void theBaselineCannotBeTheOutage(@TempDir Path dir) throws Exception {
        Path file = phased(dir, """
                {"name": "a", "rate": 10, "seconds": 5, "providerOutageSeconds": 5},
                {"name": "b", "rate": 10, "seconds": 5}""");

        assertThatThrownBy(() -> ScenarioLoader.load(file.toString(), dir)).hasMessageContaining("not the first");
    }

    @Test
    void onlyOnePhaseHasAnOutage(@TempDir Path dir) throws Exception {
        Path file = phased(dir, """
                {"name": "a", "rate": 10, "seconds": 5},
                {"name": "b", "rate": 10, "seconds": 5, "providerOutageSeconds": 5},
                {"name": "c", "rate": 10, "seconds": 5, "providerOutageSeconds": 5}""");

        assertThatThrownBy(() -> ScenarioLoader.load(file.toString(), dir)).hasMessageContaining("at most one");
    }

    @Test
    void anOutageFitsInItsPhase(@TempDir Path dir) throws Exception {
        Path file = phased(dir, """
                {"name": "a", "rate": 10, "seconds": 5},
                {"name": "b", "rate": 10, "seconds": 5, "providerOutageSeconds": 6}""");

        assertThatThrownBy(() -> ScenarioLoader.load(file.toString(), dir)).hasMessageContaining("phase b")
                .hasMessageContaining("between 1 and the phase's seconds (5)");
    }

    @Test
    void anOutageShorterThanItsPhaseIsFine(@TempDir Path dir) throws Exception {
        Path file = phased(dir, """
                {"name": "a", "rate": 10, "seconds": 5},
                {"name": "b", "rate": 10, "seconds": 5, "providerOutageSeconds": 3},
                {"name": "c", "rate": 10, "seconds": 5}""");

        assertThat(ScenarioLoader.load(file.toString(), dir).providerOutagePhase()).hasValue(1);
    }

    @Test
    void anUnknownFieldIsAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.json");
        Files.writeString(file, """
                {"name":"typo","objective":{"p99Ms":5},"requets":[]}""");

        assertThatThrownBy(() -> ScenarioLoader.load(file.toString(), dir)).hasMessageContaining("requets");
    }

    @Test
    void aMissingScenarioSaysWhereItLooked() {
        assertThatThrownBy(() -> ScenarioLoader.load("nope", Path.of("scenarios")))
                .hasMessageContaining("scenarios/nope.json");
    }

    private static Path phased(Path dir, String phases) throws Exception {
        Path file = dir.resolve("phased.json");
        Files.writeString(file, """
                {"name": "phased", "objective": {"p99Ms": 50},
                 "requests": [{"name": "work", "weight": 1, "method": "GET", "path": "/work"}],
                 "phases": [%s]}""".formatted(phases));
        return file;
    }
}
