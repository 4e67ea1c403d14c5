package dev.queuescope.perf.capacity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code capacity} measured ({@code capacity.json}): the shop's most successful responses per second of a
 * scenario, in a closed loop of {@code connections}, over {@code seconds} after a warm-up.
 *
 * @param warmupRequestsPerSecond the warm-up's 5 s slices, in order: how the shop's throughput climbed to the measure
 * @param oneConnectionRequestsPerSecond then the same scenario one request at a time, as long: how fast one request
 *                                       goes alone — the speed of a single lane (one thread, monitor, row or
 *                                       connection), which a neighbour taking a whole core slows far less than
 *                                       it cuts the two-core figure
 */
public record Capacity(String scenario, int connections, List<Double> warmupRequestsPerSecond, double seconds,
        double requestsPerSecond, long completed, long errors, double oneConnectionRequestsPerSecond) {

    public static final String FILE = "capacity.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static Capacity read(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(FILE).toFile(), Capacity.class);
    }

    void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE).toFile(), this);
    }
}
