package dev.queuescope.perf.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knee of the newest finished sweep of a scenario in a results directory, for runs that set their
 * load relative to it (the overload scenario).
 *
 * @param rate          the offered rate at the knee, req/s
 * @param maxThroughput the highest {@code achievedRate} (successful responses per second within the
 *                      measured phase) of the sweep's steps where the generator kept up
 * @param lowerBound    the step with that throughput served (nearly) all it was offered: the service was
 *                      not saturated there, so its real maximum may be higher (a sweep stops after its
 *                      latency knee, which can come well before throughput stops growing)
 * @param sweep         the sweep's id
 */
public record SweptKnee(double rate, double maxThroughput, boolean lowerBound, String sweep) {

    /** A step served all it was offered when it achieved at least this share of its offered rate. */
    static final double KEPT_UP = 0.95;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Newest first among {@code <stamp>-sweep-<scenario>/sweep.json}; sweeps without a knee are skipped. */
    public static Optional<SweptKnee> latest(Path results, String scenario) throws IOException {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        List<Path> sweeps;
        try (Stream<Path> entries = Files.list(results)) {
            sweeps = entries.filter(p -> p.getFileName().toString().matches("\\d{8}-\\d{6}-sweep-" + scenario)
                    && Files.isRegularFile(p.resolve("sweep.json"))).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path sweep : sweeps) {
            JsonNode json = JSON.readTree(sweep.resolve("sweep.json").toFile());
            JsonNode knee = json.path("knee");
            if (!knee.isObject()) {
                continue;
            }
            double max = 0;
            boolean keptUp = true;
            for (JsonNode step : json.path("steps")) {
                double achieved = step.path("achievedRate").asDouble();
                if (!step.path("generatorSaturated").asBoolean() && achieved > max) {
                    max = achieved;
                    keptUp = achieved >= KEPT_UP * step.path("offeredRate").asDouble();
                }
            }
            double rate = knee.path("offeredRate").asDouble();
            return Optional.of(max > 0 ? new SweptKnee(rate, max, keptUp, json.path("id").asString())
                    : new SweptKnee(rate, rate, true, json.path("id").asString()));
        }
        return Optional.empty();
    }

    /** The capacity estimate of a finished light run (see {@link Calibration}), its path relative to {@code base}. */
    public static Calibration calibrate(Path run, Path base) throws IOException {
        return Calibration.of(run, base);
    }
}
