package dev.queuescope.perf.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuescope.perf.load.RequestSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioRequestsTests {

    private final Scenario mixed = ScenarioLoader.load("mixed", Path.of("scenarios"));
    private final Map<String, List<String>> discovered = Map.of(
            "productId", List.of("1", "2", "3"), "categoryId", List.of("5"),
            "word", List.of("oak chair", "walnut"), "customerToken", List.of("token-1"));

    @Test
    void requestsFollowTheScenarioWeights() {
        ScenarioRequests requests = new ScenarioRequests(mixed, discovered, "run", 1);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            counts.merge(requests.next().endpoint(), 1, Integer::sum);
        }
        assertThat(counts.get("product-by-id")).isBetween(69_000, 71_000);
        assertThat(counts.get("list-page")).isBetween(14_300, 15_700);
        assertThat(counts.get("search")).isBetween(9_400, 10_600);
        assertThat(counts.get("place-order")).isBetween(4_600, 5_400);
    }

    @Test
    void placeholdersTakeDiscoveredValuesAndPathValuesAreEncoded() {
        ScenarioRequests requests = new ScenarioRequests(mixed, discovered, "run", 2);
        Set<String> searches = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            RequestSpec request = requests.next();
            if (request.endpoint().equals("search")) {
                searches.add(request.path());
            }
        }
        assertThat(searches).containsExactlyInAnyOrder("/api/v1/products?limit=20&q=oak+chair",
                "/api/v1/products?limit=20&q=walnut");
    }

    @Test
    void anOrderGetsAUniqueIdempotencyKeyAndAJsonBody() {
        ScenarioRequests requests = new ScenarioRequests(mixed, discovered, "run-7", 3);
        Set<String> keys = new HashSet<>();
        int orders = 0;
        while (orders < 50) {
            RequestSpec request = requests.next();
            if (request.endpoint().equals("place-order")) {
                orders++;
                keys.add(request.headers().get("Idempotency-Key"));
                assertThat(new String(request.body(), StandardCharsets.UTF_8))
                        .matches("\\{\"items\":\\[\\{\"productId\":[123],\"quantity\":1}]}");
            }
        }
        assertThat(keys).hasSize(50).allMatch(key -> key.startsWith("run-7-"));
    }

    @Test
    void theSameSeedGivesTheSameRequests() {
        ScenarioRequests a = new ScenarioRequests(mixed, discovered, "run", 9);
        ScenarioRequests b = new ScenarioRequests(mixed, discovered, "run", 9);
        for (int i = 0; i < 100; i++) {
            assertThat(a.next().path()).isEqualTo(b.next().path());
        }
    }

    @Test
    void aPlaceholderWithoutValuesIsRefusedUpFront() {
        assertThatThrownBy(() -> new ScenarioRequests(mixed, Map.of("productId", List.of("1")), "run", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{categoryId}");
    }
}
