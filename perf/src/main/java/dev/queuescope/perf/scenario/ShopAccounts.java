package dev.queuescope.perf.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs in to the shop and registers customers for a run: each login is one slow password hash in
 * the shop (BCrypt), so a run asks for its tokens once, before load.
 */
public final class ShopAccounts {

    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public ShopAccounts(URI target) {
        this.target = target;
    }

    /** A bearer token for {@code credentials}. */
    public String login(Credentials credentials) throws IOException, InterruptedException {
        String body = post("/api/v1/auth/login",
                Map.of("email", credentials.email(), "password", credentials.password()), 200);
        return json.readTree(body).get("token").asString();
    }

    /**
     * Registers {@code count} new customers (random emails and passwords) and returns a token of each. A few at
     * a time: two hashes each, and the shop hashes on every core it has (far fewer than its concurrency limit).
     */
    public List<String> newCustomerTokens(int count) throws IOException, InterruptedException {
        String batch = UUID.randomUUID().toString();
        List<Callable<String>> registrations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            var customer = new Credentials("load-" + batch + "-" + i + "@load.test", "pw-" + UUID.randomUUID());
            registrations.add(() -> {
                post("/api/v1/customers", Map.of("email", customer.email(), "password", customer.password()), 201);
                return login(customer);
            });
        }
        List<String> tokens = new ArrayList<>(count);
        try (ExecutorService registering = Executors.newFixedThreadPool(PARALLEL_REGISTRATIONS)) {
            for (Future<String> token : registering.invokeAll(registrations)) {
                tokens.add(token.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        return List.copyOf(tokens);
    }

    /** Registrations in flight at once. */
    static final int PARALLEL_REGISTRATIONS = 4;

    /** Refusals (429, 503) a set-up request waits out before it gives up: set-up is not what a run measures. */
    static final int REFUSALS_WAITED_OUT = 5;

    private String post(String path, Map<String, String> body, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // A shop with a concurrency limit below PARALLEL_REGISTRATIONS sheds some of them: do as it asks.
        for (int refused = 0; refusal(response) && refused < REFUSALS_WAITED_OUT; refused++) {
            Thread.sleep(Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)));
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != expected) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static boolean refusal(HttpResponse<String> response) {
        return response.statusCode() == 429 || response.statusCode() == 503;
    }
}
