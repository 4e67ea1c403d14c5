package dev.queuescope.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTests {

    @TempDir
    Path results;

    @Test
    void aRunIsNamedByTimeScenarioAndLabsAndBecomesLatest() throws Exception {
        RunDirectory run = RunDirectory.create(results, "mixed", List.of("n-plus-one"));

        assertThat(run.id()).matches("\\d{8}-\\d{6}-mixed-n-plus-one");
        assertThat(Files.readSymbolicLink(results.resolve("latest"))).isEqualTo(Path.of(run.id()));
    }

    @Test
    void onlyTheNewestTwentyRunsAreKept() throws Exception {
        for (int i = 0; i < 25; i++) {
            Files.createDirectories(results.resolve("20260101-0000%02d-mixed".formatted(i)));
        }
        Files.createDirectories(results.resolve(".templates"));

        RunDirectory.prune(results);

        try (Stream<Path> left = Files.list(results)) {
            List<String> names = left.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(21).contains(".templates", "20260101-000024-mixed")
                    .doesNotContain("20260101-000004-mixed");
        }
    }

    @Test
    void theNewestSweepOfEachScenarioAndTheNewestBenchOutliveTheOldRuns() throws Exception {
        Files.createDirectories(results.resolve("20260101-000000-sweep-mixed"));
        Files.createDirectories(results.resolve("20260101-000001-sweep-mixed"));
        Files.createDirectories(results.resolve("20260101-000002-sweep-search"));
        Files.createDirectories(results.resolve("20260101-000003-bench"));
        for (int i = 10; i < 40; i++) {
            Files.createDirectories(results.resolve("20260101-0000%02d-mixed".formatted(i)));
        }

        RunDirectory.prune(results);

        try (Stream<Path> left = Files.list(results)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList())
                    .contains("20260101-000001-sweep-mixed", "20260101-000002-sweep-search", "20260101-000003-bench")
                    .doesNotContain("20260101-000000-sweep-mixed", "20260101-000019-mixed")
                    .hasSize(23);
        }
    }

    @Test
    void aBlindCopyDoesNotCountAsARunAndGoesWithItsRun() throws Exception {
        for (int i = 0; i < 21; i++) {
            Files.createDirectories(results.resolve("20260101-0000%02d-mixed".formatted(i)));
            Files.createDirectories(results.resolve("20260101-0000%02d-mixed-blind".formatted(i)));
        }

        RunDirectory.prune(results);

        try (Stream<Path> left = Files.list(results)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).hasSize(40)
                    .contains("20260101-000001-mixed", "20260101-000001-mixed-blind")
                    .doesNotContain("20260101-000000-mixed", "20260101-000000-mixed-blind");
        }
    }
}
