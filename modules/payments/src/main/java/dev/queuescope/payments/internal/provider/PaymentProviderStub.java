package dev.queuescope.payments.internal.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.jspecify.annotations.Nullable;

/**
 * A simulated payment provider on its own port (loopback only), slow on purpose: every answer comes
 * after {@code latency ± jitter}; a share of requests fails with 503 ({@code failureRate}, nothing
 * charged) and a share of charges is declined with 402 ({@code declineRate}).
 *
 * <p>{@code POST /charges} with an {@code Idempotency-Key} header and {@code {"amountCents": n}}:
 * 201 and the new charge; a repeated key gets 200 and the same charge (or the same decline), never
 * a second one. Delays are timers on one scheduler thread, not a sleeping thread per request, so
 * many slow requests in flight cost nothing here: the queue a test or a lab sees is the shop's.
 *
 * <p>For tests: {@link #down()} makes it answer 503 at once until {@link #up()}; {@link #setLatency} slows it;
 * {@link #declineAmount(long)} declines every charge of that amount; {@link #chargesMade(String)}
 * proves that a key was charged once.
 *
 * <p>For the perf kit, which runs the shop in another process: {@code POST /outage?seconds=n} on the same
 * port is {@link #outage(Duration)} (200 {@code {"down":true,"seconds":n}}), {@code GET /outage} answers
 * {@code {"down":true|false}}. A test double's fault switch, so it sits here and not in the shop's API; the
 * port is bound to loopback only, like the charges.
 */
public final class PaymentProviderStub implements AutoCloseable {

    private static final Logger log = LogManager.getLogger(PaymentProviderStub.class);
    private static final Pattern AMOUNT = Pattern.compile("\"amountCents\"\\s*:\\s*(\\d+)");
    private static final Pattern SECONDS = Pattern.compile("(?:^|&)seconds=(\\d{1,6})(?:&|$)");

    private record StoredCharge(String id, long amountCents, boolean declined) {
    }

    private final HttpServer server;
    private final ScheduledExecutorService timers;
    private volatile Duration latency;
    private final Duration jitter;
    private final double failureRate;
    private final double declineRate;
    private final Map<String, StoredCharge> charges = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> chargesMade = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Set<Long> declinedAmounts = ConcurrentHashMap.newKeySet();
    private volatile boolean down;
    /** Counts switches of {@link #down}: an outage's timer brings the stub back only if nothing switched since. */
    private long switches;

    public PaymentProviderStub(int port, Duration latency, Duration jitter, double failureRate, double declineRate)
            throws IOException {
        this.latency = latency;
        this.jitter = jitter;
        this.failureRate = failureRate;
        this.declineRate = declineRate;
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "payment-provider-stub");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.createContext("/charges", this::handle);
        server.createContext("/outage", this::control);
        server.start(); // handlers run on the server's dispatcher thread: they only parse and schedule
        log.info("Payment provider stub on {} (latency {} ± {}, failure rate {}, decline rate {})", baseUrl(),
                latency, jitter, failureRate, declineRate);
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers 503 to every request, at once, until {@link #up()}, whatever a pending {@link #outage} would do. */
    public synchronized void down() {
        switches++;
        if (!down) {
            down = true;
            log.info("Payment provider stub down until up()");
        }
    }

    public synchronized void up() {
        switches++;
        if (down) {
            down = false;
            log.info("Payment provider stub up");
        }
    }

    /**
     * Answers 503 to every request, at once, for {@code length}, then comes back by itself. A later call
     * (or {@link #down()}, {@link #up()}) replaces it: the last switch wins.
     */
    public synchronized void outage(Duration length) {
        long outage = ++switches;
        down = true;
        log.info("Payment provider stub down for {} s (outage)", length.toMillis() / 1000.0);
        timers.schedule(() -> outageOver(outage, length), length.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void outageOver(long outage, Duration length) {
        if (outage == switches) {
            down = false;
            log.info("Payment provider stub up again after its {} s outage", length.toMillis() / 1000.0);
        }
    }

    public Duration latency() {
        return latency;
    }

    /** Answers after this latency (± the jitter) from now on. */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** Declines every new charge of exactly this amount. */
    public void declineAmount(long amountCents) {
        declinedAmounts.add(amountCents);
    }

    /** How many charges were made under this key: 1 at most, however often it was sent. */
    public int chargesMade(String idempotencyKey) {
        AtomicInteger made = chargesMade.get(idempotencyKey);
        return made == null ? 0 : made.get();
    }

    /** How many requests came with this key, answered or not. */
    public int requests(String idempotencyKey) {
        AtomicInteger count = requests.get(idempotencyKey);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"method not allowed\"}");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Long amount = amount(exchange.getRequestBody());
        if (key == null || key.isBlank() || amount == null) {
            respond(exchange, 400, "{\"error\":\"Idempotency-Key and amountCents are required\"}");
            return;
        }
        requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (down) {
            respond(exchange, 503, "{\"error\":\"provider down\"}");
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < failureRate) {
            later(exchange, 503, "{\"error\":\"temporarily unavailable\"}");
            return;
        }
        boolean[] created = {false};
        StoredCharge charge = charges.computeIfAbsent(key, k -> {
            created[0] = true;
            chargesMade.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
            boolean declined = declinedAmounts.contains(amount) || random.nextDouble() < declineRate;
            return new StoredCharge("ch_" + UUID.randomUUID(), amount, declined);
        });
        if (charge.amountCents() != amount) {
            later(exchange, 422, "{\"error\":\"Idempotency-Key reused with another amount\"}");
            return;
        }
        String body = "{\"id\":\"%s\",\"status\":\"%s\",\"amountCents\":%d}".formatted(charge.id(),
                charge.declined() ? "declined" : "succeeded", charge.amountCents());
        later(exchange, charge.declined() ? 402 : created[0] ? 201 : 200, body);
    }

    private void control(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> respond(exchange, 200, "{\"down\":%s}".formatted(down));
            case "POST" -> {
                String query = exchange.getRequestURI().getRawQuery();
                Matcher seconds = SECONDS.matcher(query == null ? "" : query);
                if (!seconds.find() || Long.parseLong(seconds.group(1)) < 1) {
                    respond(exchange, 400, "{\"error\":\"seconds=n (whole seconds, at least 1) is required\"}");
                    return;
                }
                long length = Long.parseLong(seconds.group(1));
                outage(Duration.ofSeconds(length));
                respond(exchange, 200, "{\"down\":true,\"seconds\":%d}".formatted(length));
            }
            default -> respond(exchange, 405, "{\"error\":\"method not allowed\"}");
        }
    }

    private void later(HttpExchange exchange, int status, String body) {
        long jitterNanos = jitter.toNanos();
        long delay = latency.toNanos()
                + (jitterNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos + 1));
        timers.schedule(() -> {
            try {
                respond(exchange, status, body);
            } catch (IOException e) {
                log.debug("Payment provider stub could not answer (the client gave up?)", e);
            }
        }, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        }
    }

    private static @Nullable Long amount(InputStream body) throws IOException {
        String json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        Matcher matcher = AMOUNT.matcher(json);
        return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
    }

    @Override
    public void close() {
        server.stop(0);
        timers.shutdownNow();
    }
}
