package dev.queuescope.perf.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.queuescope.perf.JsonAnswer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The set-up before load, against a small service of the test's own that records what it was asked. */
class DiscoveryTests {

    private static final Credentials ADMIN = new Credentials("admin@localhost", "secret");
    private static final Scenario SEEDING = new Scenario("seeding", null, new Scenario.Objective(100),
            new Scenario.Setup("/seed", null, List.of(new Scenario.Discovery("id", "/items", "id", 1))), null,
            List.of(new Scenario.Request("item", 1, "GET", "/items/{id}", null, null)), null, null);

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer service;
    private URI target;

    @BeforeEach
    void startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            JsonAnswer.ok(exchange, switch (exchange.getRequestURI().getPath()) {
                case "/api/v1/auth/login" -> "{\"token\":\"admin-token\"}";
                case "/items" -> "{\"items\":[{\"id\":11},{\"id\":12}],\"nextCursor\":null}";
                default -> "{}";
            });
        });
        service.start();
        target = URI.create("http://127.0.0.1:" + service.getAddress().getPort());
    }

    @AfterEach
    void stopService() {
        service.stop(0);
    }

    @Test
    void aServiceNotYetSeededIsSeededAsTheAdmin() throws Exception {
        new Discovery(target, ADMIN, null).prepare(SEEDING);

        assertThat(asked).containsExactly("POST /api/v1/auth/login", "POST /seed", "GET /items");
    }

    @Test
    void aServiceWhoseDataWentThroughTheScenariosSeedIsNeitherSeededNorLoggedInto() throws Exception {
        Map<String, List<String>> values = new Discovery(target, ADMIN, "/seed").prepare(SEEDING);

        assertThat(asked).containsExactly("GET /items");
        assertThat(values).containsEntry("id", List.of("11", "12")).doesNotContainKey(Discovery.ADMIN_TOKEN);
    }

    @Test
    void aServiceSeededByAnotherPathIsSeededByTheScenarios() throws Exception {
        new Discovery(target, ADMIN, "/other-seed").prepare(SEEDING);

        assertThat(asked).contains("POST /seed");
    }
}
