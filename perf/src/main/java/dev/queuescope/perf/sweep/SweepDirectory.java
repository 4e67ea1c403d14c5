package dev.queuescope.perf.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code perf/results/<YYYYMMDD-HHMMSS>-sweep-<scenario>/}: sweep.json, sweep.html, and each step's
 * run nested inside (so a sweep does not push the user's own runs out of the newest 20 that
 * {@code run} keeps; the sweep directory itself counts as one of them). {@code latest-sweep} points at
 * the newest finished sweep.
 */
record SweepDirectory(String id, Path path) {

    /** The run ids' stamp, so sweeps and runs sort by time together. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    static SweepDirectory create(Path results, String scenario) throws IOException {
        String id = STAMP.format(LocalDateTime.now()) + "-sweep-" + scenario;
        Path path = results.resolve(id);
        Files.createDirectories(path);
        return new SweepDirectory(id, path);
    }

    /** Where a step's run directory goes: a results root of its own, holding just that run. */
    Path stepRoot(String name) {
        return path.resolve(name);
    }

    /** Writes sweep.json and sweep.html, then makes this the latest sweep. */
    void write(Sweep sweep) throws IOException {
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValue(path.resolve("sweep.json").toFile(), sweep);
        SweepPage.write(path.resolve("sweep.html"), sweep);
        Path latest = path.resolveSibling("latest-sweep");
        Files.deleteIfExists(latest);
        Files.createSymbolicLink(latest, path.getFileName());
    }
}
