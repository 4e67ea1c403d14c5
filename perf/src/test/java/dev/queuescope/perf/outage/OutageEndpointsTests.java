package dev.queuescope.perf.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuescope.perf.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutageEndpointsTests {

    @Test
    void theProviderOutageScenarioReadsTheCatalogWithItsGetsAndPlacesOrders() {
        OutageEndpoints endpoints = OutageEndpoints.of(ScenarioLoader.load("provider-outage", Path.of("scenarios")));

        assertThat(endpoints.reads()).containsExactlyInAnyOrder("product-by-id", "list-page", "search");
        assertThat(endpoints.orders()).containsExactly("place-order");
    }

    @Test
    void aScenarioThatPlacesNoOrdersCannotJudgeAnOutage() {
        assertThatThrownBy(() -> OutageEndpoints.of(ScenarioLoader.load("product-reads", Path.of("scenarios"))))
                .hasMessageContaining("order placements");
    }
}
