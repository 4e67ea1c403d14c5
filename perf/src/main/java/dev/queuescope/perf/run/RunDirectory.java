package dev.queuescope.perf.run;

import dev.queuescope.perf.analysis.Blinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code perf/results/<run-id>/} with {@code <run-id> = YYYYMMDD-HHMMSS-<scenario>[-<labs>]};
 * {@code latest} points at the newest, and only the newest {@value #KEEP} runs are kept.
 */
public record RunDirectory(String id, Path path) {

    static final int KEEP = 20;

    /** The shop's recordings in a run: JFR's, then async-profiler's. Both are written as the shop exits. */
    public static final List<String> RECORDINGS = List.of("shop.jfr", "profile.jfr");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public static RunDirectory create(Path results, String scenario, List<String> labs) throws IOException {
        String id = STAMP.format(LocalDateTime.now()) + "-" + scenario + (labs.isEmpty() ? "" : "-" + String.join("-", labs));
        Path path = results.resolve(id);
        Files.createDirectories(path);
        Path latest = results.resolve("latest");
        Files.deleteIfExists(latest);
        Files.createSymbolicLink(latest, path.getFileName());
        prune(results);
        return new RunDirectory(id, path);
    }

    public Path file(String name) {
        return path.resolve(name);
    }

    /**
     * Deletes all but the newest {@value #KEEP} run directories (names sort by time). The newest sweep of each
     * scenario and the newest bench stay whatever their age: later runs read them (an overload run takes its
     * knee from the sweep; {@code latest-bench} points at the bench), and each takes a quarter of an hour to redo.
     * A blind copy ({@code <run>-blind}) is not a run of its own: it does not count, and goes with its run.
     */
    static void prune(Path results) throws IOException {
        List<Path> runs;
        try (Stream<Path> entries = Files.list(results)) {
            runs = entries.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)
                    && p.getFileName().toString().matches("\\d{8}-\\d{6}-.*")
                    && !p.getFileName().toString().endsWith(Blinding.SUFFIX)).sorted().toList();
        }
        Map<String, Path> newestLongRun = new HashMap<>();
        for (Path run : runs) {
            String kind = run.getFileName().toString().substring(STAMP_LENGTH);
            if (kind.startsWith("sweep-") || kind.equals("bench")) {
                newestLongRun.put(kind, run);
            }
        }
        for (Path old : runs.subList(0, Math.max(0, runs.size() - KEEP))) {
            if (!newestLongRun.containsValue(old)) {
                deleteTree(old);
                deleteTree(old.resolveSibling(old.getFileName() + Blinding.SUFFIX));
            }
        }
    }

    /** {@code yyyyMMdd-HHmmss-} before a run's scenario. */
    private static final int STAMP_LENGTH = 16;

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
