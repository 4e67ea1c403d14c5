package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged shop killed with SIGKILL in the middle of a load of orders, then started again on
 * the same data: every order that was answered 2xx is there, every one ends PAID or CANCELLED (none
 * stuck), and the payment provider made at most one charge per order (none charged twice).
 *
 * <p>The provider plays outside the shop (here, in the test), so it outlives the kill and can count.
 */
class CrashRecoveryIT {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final Pattern AMOUNT = Pattern.compile("\"amountCents\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    /** A payment provider: idempotent by key, answering after 20 ms, counting the charges it makes. */
    static final class Provider implements AutoCloseable {

        final Map<String, AtomicInteger> chargesMade = new ConcurrentHashMap<>();
        private final Set<String> charged = ConcurrentHashMap.newKeySet();
        private final HttpServer server;

        Provider() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/charges", this::charge);
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void charge(HttpExchange exchange) throws IOException {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            Matcher amount = AMOUNT.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            amount.find();
            boolean created = charged.add(key);
            if (created) {
                chargesMade.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"id\":\"ch_" + key + "\",\"status\":\"succeeded\",\"amountCents\":" + amount.group(1) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(created ? 201 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String adminPassword = "crash-test-" + UUID.randomUUID();
    private final int[] ports = new int[3];
    private Process shop;

    @AfterEach
    void stopTheShop() throws InterruptedException {
        if (shop != null && shop.isAlive()) {
            shop.destroy();
            shop.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aShopKilledUnderOrdersLosesNoAnsweredOrderLeavesNoneUnpaidAndChargesNoneTwice() throws Exception {
        for (int i = 0; i < ports.length; i++) {
            ports[i] = freePort();
        }
        try (Provider provider = new Provider()) {
            shop = start(provider);
            String admin = login("admin@localhost", adminPassword);
            List<Long> products = stockedProducts(admin, 5);
            String customer = newCustomer();

            List<Long> answered = ordersUntilKilled(customer, products, Duration.ofSeconds(3));

            shop = start(provider);
            assertThat(answered).hasSizeGreaterThan(20);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> answered.stream().allMatch(id -> settled(customer, id)));
            assertThat(provider.chargesMade.values()).allMatch(count -> count.get() == 1);
            assertThat(provider.chargesMade.keySet())
                    .containsAll(answered.stream().filter(id -> status(customer, id).equals("PAID"))
                            .map(id -> "order-" + id).toList());
        }
    }

    /** Places orders from 8 threads; after {@code before}, the shop gets SIGKILL. Returns the 2xx orders' ids. */
    private List<Long> ordersUntilKilled(String token, List<Long> products, Duration before) throws Exception {
        List<Long> answered = new ArrayList<>();
        Instant kill = Instant.now().plus(before);
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (int c = 0; c < 8; c++) {
                clients.submit(() -> {
                    int n = 0;
                    while (shop.isAlive()) {
                        String body = "{\"items\":[{\"productId\":" + products.get(n++ % products.size())
                                + ",\"quantity\":1}]}";
                        try {
                            HttpResponse<String> placed = send(HttpRequest.newBuilder(shop("/api/v1/orders"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)));
                            if (placed.statusCode() / 100 == 2) {
                                synchronized (answered) {
                                    answered.add(number(ID, placed.body()));
                                }
                            }
                        } catch (IOException | InterruptedException killed) {
                            return;
                        }
                    }
                });
            }
            while (Instant.now().isBefore(kill)) {
                Thread.sleep(50);
            }
            shop.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return answered;
    }

    private boolean settled(String token, long id) {
        String status = status(token, id);
        return status.equals("PAID") || status.equals("CANCELLED");
    }

    private String status(String token, long id) {
        try {
            HttpResponse<String> order = send(HttpRequest.newBuilder(shop("/api/v1/orders/" + id))
                    .header("Authorization", "Bearer " + token).GET());
            assertThat(order.statusCode()).as("order %d answered 2xx before the kill", id).isEqualTo(200);
            Matcher status = STATUS.matcher(order.body());
            return status.find() ? status.group(1) : "";
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Process start(Provider provider) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", Path.of("target/queuescope.jar").toAbsolutePath().toString(),
                "--server.port=" + ports[0], "--management.server.port=" + ports[1],
                "--queuescope.db.embedded.port=" + ports[2],
                "--queuescope.payments.provider.url=" + provider.url()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("shop.log").toFile()));
        builder.environment().put("QUEUESCOPE_DATA", data.toString());
        builder.environment().put("QUEUESCOPE_ADMIN_PASSWORD", adminPassword);
        Process started = builder.start();
        URI ready = URI.create("http://127.0.0.1:" + ports[1] + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            assertThat(started.isAlive()).as("the shop is starting (see %s)", data.resolve("shop.log")).isTrue();
            try {
                if (send(HttpRequest.newBuilder(ready).GET()).statusCode() == 200) {
                    return started;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The shop was not ready within 2 minutes:\n" + Files.readString(data.resolve("shop.log")));
    }

    private List<Long> stockedProducts(String admin, int count) throws Exception {
        long category = number(ID, expect(201, post("/api/v1/categories", admin,
                "{\"name\":\"crash-" + UUID.randomUUID() + "\"}")));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = number(ID, expect(201, post("/api/v1/products", admin, "{\"sku\":\"CRASH-" + UUID.randomUUID()
                    + "\",\"name\":\"Crash test\",\"categoryId\":" + category + ",\"priceCents\":100}")));
            expect(200, send(HttpRequest.newBuilder(shop("/api/v1/inventory/" + id))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"available\":1000000}"))));
            ids.add(id);
        }
        return ids;
    }

    private String newCustomer() throws Exception {
        String email = "crash-" + UUID.randomUUID() + "@example.test";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"crash-test-password\"}";
        expect(201, post("/api/v1/customers", null, credentials));
        return login(email, "crash-test-password");
    }

    private String login(String email, String password) throws Exception {
        String body = expect(200, post("/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        Matcher token = TOKEN.matcher(body);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(shop(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static String expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI shop(String path) {
        return URI.create("http://127.0.0.1:" + ports[0] + path);
    }

    private static long number(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
