package dev.queuescope.perf.scenario;

import dev.queuescope.perf.load.RequestSource;
import dev.queuescope.perf.load.RequestSpec;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Turns a scenario into requests: picks a request by weight, fills its placeholders with values
 * drawn (seeded) from the variables, and returns it. Called once per arrival on the generator's
 * thread, so everything is parsed up front and a call allocates only the request itself.
 */
public final class ScenarioRequests implements RequestSource {

    private record Compiled(String name, HttpMethod method, Template path, Map<String, Template> headers,
            @Nullable Template body) {
    }

    private final List<Compiled> requests;
    private final double[] cumulativeWeights;
    private final Map<String, List<String>> values;
    private final SplittableRandom random;
    private final String runId;
    private long unique;

    public ScenarioRequests(Scenario scenario, Map<String, List<String>> values, String runId, long seed) {
        this.requests = scenario.requests().stream().map(ScenarioRequests::compile).toList();
        this.cumulativeWeights = new double[requests.size()];
        double sum = 0;
        for (int i = 0; i < requests.size(); i++) {
            sum += scenario.requests().get(i).weight();
            cumulativeWeights[i] = sum;
        }
        this.values = Map.copyOf(values);
        this.random = new SplittableRandom(seed);
        this.runId = runId;
        requireValuesFor(scenario);
    }

    @Override
    public RequestSpec next() {
        Compiled request = requests.get(pick());
        Map<String, String> drawn = new LinkedHashMap<>(4);
        Function<String, String> draw = name -> drawn.computeIfAbsent(name, this::value);
        String path = request.path().fill(name -> URLEncoder.encode(draw.apply(name), StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>(request.headers().size() * 2);
        request.headers().forEach((header, template) -> headers.put(header, template.fill(draw)));
        byte[] body = request.body() == null ? null : request.body().fill(draw).getBytes(StandardCharsets.UTF_8);
        return new RequestSpec(request.name(), request.method(), path, headers, body);
    }

    private int pick() {
        double point = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (point < cumulativeWeights[i]) {
                return i;
            }
        }
        return cumulativeWeights.length - 1;
    }

    private String value(String name) {
        if (name.equals("unique")) {
            return runId + "-" + unique++;
        }
        List<String> choices = values.get(name);
        return choices.get(random.nextInt(choices.size()));
    }

    private void requireValuesFor(Scenario scenario) {
        for (Compiled request : requests) {
            Stream.concat(Stream.of(request.path(), request.body()),
                            request.headers().values().stream())
                    .filter(Objects::nonNull)
                    .flatMap(template -> template.variables().stream())
                    .filter(name -> !name.equals("unique"))
                    .filter(name -> values.getOrDefault(name, List.of()).isEmpty())
                    .findFirst()
                    .ifPresent(name -> {
                        throw new IllegalArgumentException("Scenario " + scenario.name() + ": request "
                                + request.name() + " uses {" + name + "} but no value of it was given or discovered");
                    });
        }
    }

    private static Compiled compile(Scenario.Request request) {
        Map<String, Template> headers = new LinkedHashMap<>();
        if (request.headers() != null) {
            request.headers().forEach((name, value) -> headers.put(name, Template.parse(value)));
        }
        return new Compiled(request.name(), HttpMethod.valueOf(request.method()), Template.parse(request.path()),
                headers, request.body() == null ? null : Template.parse(request.body()));
    }
}
