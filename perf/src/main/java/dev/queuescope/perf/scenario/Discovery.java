package dev.queuescope.perf.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenario's setup step, before any load: POST the seed path, then collect the values of the
 * discovered variables by paging the service's lists ({@code {"items":[...],"nextCursor":...}}).
 * A handful of sequential requests, so the JDK client is plenty here.
 */
public final class Discovery {

    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public Discovery(URI target) {
        this.target = target;
    }

    /** Seeds (when the scenario says so) and returns every variable's values: given and discovered. */
    public Map<String, List<String>> prepare(Scenario scenario) throws IOException, InterruptedException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (scenario.variables() != null) {
            scenario.variables().forEach((name, given) -> values.put(name, given.stream().map(String::valueOf).toList()));
        }
        if (scenario.setup() == null) {
            return values;
        }
        if (scenario.setup().seed() != null) {
            send(HttpRequest.newBuilder(target.resolve(scenario.setup().seed()))
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.noBody()));
        }
        if (scenario.setup().discover() != null) {
            for (Scenario.Discovery discovery : scenario.setup().discover()) {
                values.put(discovery.variable(), discover(discovery));
            }
        }
        return values;
    }

    private List<String> discover(Scenario.Discovery discovery) throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        String cursor = null;
        int pages = discovery.pages() == null ? 1 : discovery.pages();
        for (int page = 0; page < pages; page++) {
            String path = discovery.path() + (cursor == null ? ""
                    : (discovery.path().contains("?") ? "&" : "?") + "after="
                            + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode list = json.readTree(send(HttpRequest.newBuilder(target.resolve(path)).GET()));
            for (JsonNode item : list.path("items")) {
                if (item.has(discovery.field())) {
                    found.add(item.get(discovery.field()).asString());
                }
            }
            JsonNode next = list.path("nextCursor");
            if (next.isMissingNode() || next.isNull()) {
                break;
            }
            cursor = next.asString();
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("Setup found no values for {" + discovery.variable() + "} at "
                    + discovery.path() + " (is the service seeded?)");
        }
        return List.copyOf(found);
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
