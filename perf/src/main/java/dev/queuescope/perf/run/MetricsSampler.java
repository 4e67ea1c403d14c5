package dev.queuescope.perf.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every second, the service's Prometheus endpoint (Actuator, on the management port so scraping
 * never competes with the load) is read and the queue-related series are appended to
 * {@code metrics.jsonl}: one JSON object per second, {@code {"t": epochMillis, "<series>": value}}.
 */
public final class MetricsSampler implements AutoCloseable {

    /** Series the report plots: each is a queue, or the work that drains one. */
    static final List<String> SERIES = List.of(
            "hikaricp_connections_active", "hikaricp_connections_pending", "hikaricp_connections_idle",
            "tomcat_threads_busy_threads", "tomcat_threads_current_threads", "tomcat_threads_config_max_threads",
            "log4j2_ringbuffer_remaining", "queuescope_outbox_incomplete", "queuescope_external_queued",
            "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count", "jvm_gc_overhead",
            "process_cpu_usage", "system_cpu_usage", "jvm_threads_live_threads",
            "http_server_requests_active_seconds_active_count");

    /** 1 while the payment provider's circuit breaker is open, else 0: what a provider outage run looks for. */
    public static final String BREAKER_OPEN = "resilience4j_circuitbreaker_state{name=\"payment-provider\",state=\"open\"}";

    /**
     * Series of which one label set is wanted, not the sum of all: a breaker's state is one gauge per state,
     * and they always add up to 1. Each is stored under its selector as written here.
     */
    static final List<String> SELECTED = List.of(BREAKER_OPEN);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("metrics-sampler").factory());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI prometheus;
    private final BufferedWriter out;

    public MetricsSampler(URI management, Path file) throws IOException {
        this.prometheus = management.resolve("/actuator/prometheus");
        this.out = Files.newBufferedWriter(file);
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        try {
            String text = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofMillis(900)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("t", System.currentTimeMillis());
            row.putAll(parse(text));
            synchronized (out) {
                out.write(json.writeValueAsString(row));
                out.newLine();
            }
        } catch (IOException e) {
            // A missed second shows as a gap in the series; the run goes on.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sums each wanted series over its label sets (e.g. all GC causes, all pools), and takes each selected one
     * from the line that has at least its labels.
     */
    static Map<String, Double> parse(String prometheusText) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : prometheusText.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int nameEnd = indexOfAny(line, '{', ' ');
            String name = line.substring(0, nameEnd);
            boolean summed = SERIES.contains(name);
            List<String> selected = SELECTED.stream()
                    .filter(selector -> selector.startsWith(name + "{") && hasLabelsOf(line, selector)).toList();
            if (!summed && selected.isEmpty()) {
                continue;
            }
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            // A gauge without a value (NaN) is a gap, not a number.
            if (Double.isNaN(value)) {
                continue;
            }
            if (summed) {
                values.merge(name, value, Double::sum);
            }
            selected.forEach(selector -> values.put(selector, value));
        }
        return values;
    }

    /** Whether the line carries every label of the selector. The selected series' label values hold no commas. */
    private static boolean hasLabelsOf(String line, String selector) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        if (open < 0 || close < open) {
            return false;
        }
        List<String> labels = List.of(line.substring(open + 1, close).split(","));
        return labels.containsAll(List.of(selector.substring(selector.indexOf('{') + 1, selector.length() - 1)
                .split(",")));
    }

    private static int indexOfAny(String line, char a, char b) {
        int i = line.indexOf(a);
        int j = line.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** The samples of a finished run, oldest first; none when the file is missing. */
    public static List<Map<String, Double>> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonMapper json = JsonMapper.builder().build();
        List<Map<String, Double>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Map<String, Double> row = new LinkedHashMap<>();
            json.readTree(line).properties().forEach(e -> row.put(e.getKey(), e.getValue().asDouble()));
            rows.add(row);
        }
        return rows;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        synchronized (out) {
            out.close();
        }
    }
}
