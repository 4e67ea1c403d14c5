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
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenario's setup step, before any load: log in as the admin ({@code {adminToken}}), POST the
 * seed path, register the customers the load runs as ({@code {customerToken}}), then collect the
 * values of the discovered variables by paging the service's lists
 * ({@code {"items":[...],"nextCursor":...}}). A handful of sequential requests, so the JDK client is
 * plenty here. A service whose data already went through the scenario's seed (a shop the kit started
 * from its seeded template) is not seeded again: an idempotent seed that finds all 100 000 products
 * present still costs the service ~3 s of every run's set-up.
 */
public final class Discovery {

    /** The variable holding the admin's bearer token (one value). */
    public static final String ADMIN_TOKEN = "adminToken";
    /** The variable holding the registered customers' bearer tokens, one drawn per request. */
    public static final String CUSTOMER_TOKEN = "customerToken";

    private final URI target;
    private final @Nullable Credentials admin;
    private final @Nullable String seeded;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private @Nullable String adminToken;

    /**
     * @param admin  the service's admin, or null when the scenario needs no admin
     * @param seeded the seed path the service's data already went through, or null
     */
    public Discovery(URI target, @Nullable Credentials admin, @Nullable String seeded) {
        this.target = target;
        this.admin = admin;
        this.seeded = seeded;
    }

    /** Seeds (when the scenario says so) and returns every variable's values: given and discovered. */
    public Map<String, List<String>> prepare(Scenario scenario) throws IOException, InterruptedException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (scenario.variables() != null) {
            scenario.variables().forEach((name, given) -> values.put(name, given.stream().map(String::valueOf).toList()));
        }
        ShopAccounts accounts = new ShopAccounts(target);
        boolean seed = scenario.setup() != null && scenario.setup().seed() != null
                && !scenario.setup().seed().equals(seeded);
        if (admin != null && (seed || sendsAdminToken(scenario))) {
            adminToken = accounts.login(admin);
            values.put(ADMIN_TOKEN, List.of(adminToken));
        }
        if (scenario.setup() == null) {
            return values;
        }
        if (seed) {
            if (adminToken == null) {
                throw new IllegalStateException("Seeding needs the admin: set QUEUESCOPE_ADMIN_PASSWORD, or "
                        + "QUEUESCOPE_DATA to the shop's data directory (the admin-password file it generated)");
            }
            send(HttpRequest.newBuilder(target.resolve(scenario.setup().seed()))
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.noBody()));
        }
        if (scenario.setup().customers() != null) {
            values.put(CUSTOMER_TOKEN, accounts.newCustomerTokens(scenario.setup().customers()));
        }
        if (scenario.setup().discover() != null) {
            for (Scenario.Discovery discovery : scenario.setup().discover()) {
                values.put(discovery.variable(), discover(discovery));
            }
        }
        return values;
    }

    /** Logging in costs the service a slow password hash: only when the scenario seeds or sends the token. */
    private static boolean sendsAdminToken(Scenario scenario) {
        return scenario.requests().stream()
                        .flatMap(request -> Stream.concat(Stream.of(request.path(), request.body()),
                                request.headers() == null ? Stream.empty() : request.headers().values().stream()))
                        .filter(Objects::nonNull)
                        .anyMatch(text -> Template.parse(text).variables().contains(ADMIN_TOKEN));
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
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        HttpResponse<String> response = http.send(request.header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
