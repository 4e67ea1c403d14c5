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
}
