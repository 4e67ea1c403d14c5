package dev.queuescope.perf.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.PerfCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole {@code compare} command on two synthetic runs under a results directory: B is 30 % slower than A. */
class CompareCommandTests {

    private static final String A = "20260101-100000-mixed";
    private static final String B = "20260101-110000-mixed";

    @TempDir
    Path results;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private long start;

    @BeforeEach
    void twoRuns() throws Exception {
        start = System.currentTimeMillis() - 1_000;
        SyntheticRun.write(results.resolve(A), A, 1, 5.0, start);
        SyntheticRun.write(results.resolve(B), B, 2, 6.5, start);
    }

    @Test
    void compareJsonHasBothRunsTheDifferencesAndACallPerPercentile() throws Exception {
        assertThat(compare(A, B)).isZero();

        JsonNode json = JsonMapper.builder().build().readTree(results.resolve(comparison("compare.json")).toFile());
        assertThat(json.at("/a/id").asString()).isEqualTo(A);
        assertThat(json.at("/latencyMs/0/metric").asString()).isEqualTo("p50");
        assertThat(json.at("/latencyMs/0/call").asString()).isEqualTo("slower");
        assertThat(json.at("/latencyMs/2/metric").asString()).isEqualTo("p99");
        assertThat(json.at("/latencyMs/2/call").asString()).isEqualTo("slower");
        assertThat(json.at("/latencyMs/0/delta").doubleValue()).isBetween(json.at("/latencyMs/0/noiseLow").doubleValue(),
                json.at("/latencyMs/0/noiseHigh").doubleValue());
        assertThat(json.at("/latencyMs/4/call").isNull()).isTrue();
        assertThat(json.at("/throughput/2/delta").doubleValue()).isZero();
        assertThat(json.at("/noise/rule").asString()).contains("block bootstrap");
    }

    @Test
    void theTableShowsSideBySideWithTheCallAndTheRule() throws Exception {
        compare(A, B);

        assertThat(out.toString()).containsPattern("p50 +\\d+\\.\\d{3} +\\d+\\.\\d{3} +\\+\\d+\\.\\d{3} +\\[\\+.*\\] +slower")
                .contains("rejected rate", "0.50 %", "kept up", "verdict.queue", "noise band = middle 95 %")
                .containsPattern("db-pool +0\\.250 +0\\.250 +\\? +\\?");
    }

    @Test
    void withoutProfilesThereIsANoteInsteadOfAFlameGraph() throws Exception {
        assertThat(compare(A, B)).isZero();

        assertThat(Files.exists(results.resolve(comparison("flamegraph-diff-cpu.html")))).isFalse();
        assertThat(out.toString()).contains("no flame graph: run " + A + " has no profile.jfr");
        assertThat(Files.readString(results.resolve(comparison("compare.html")))).contains("has no profile.jfr");
    }

    @Test
    void withBothProfilesCompareHtmlLinksTheDifferentialFlameGraph() throws Exception {
        Path profile = results.resolve("profile.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            burn(Duration.ofMillis(50));
            recording.stop();
            recording.dump(profile);
        }
        Files.copy(profile, results.resolve(A).resolve("profile.jfr"));
        Files.copy(profile, results.resolve(B).resolve("profile.jfr"));

        assertThat(compare(A, B)).isZero();

        assertThat(Files.readString(results.resolve(comparison("flamegraph-diff-cpu.html")))).contains("burn");
        assertThat(Files.readString(results.resolve(comparison("compare.html"))))
                .contains("href=\"flamegraph-diff-cpu.html\"").doesNotContain("<script", "<link", "src=", "url(");
    }

    @Test
    void aGeneratorThatFellBehindIsACaveatOfTheComparison() throws Exception {
        Path summary = results.resolve(B).resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"saturated\": false, \"saturationReason\": \"\"",
                "\"saturated\": true, \"saturationReason\": \"send lag p99 40 ms\""));

        compare(A, B);

        assertThat(out.toString()).contains("CAVEAT: the generator could not keep up in " + B + " (send lag p99 40 ms)");
    }

    @Test
    void aRunDirectoryMayBeGivenByPathAndTheOutputWhereAsked() throws Exception {
        Path elsewhere = results.resolve("elsewhere");

        assertThat(compare(results.resolve(A).toString(), B, "--out", elsewhere.toString())).isZero();

        assertThat(elsewhere.resolve("compare.json")).exists();
        assertThat(elsewhere.resolve("compare.html")).exists();
    }

    @Test
    void aRunThatDoesNotExistIsBadInputWithAClearMessage() {
        assertThat(compare(A, "20260101-120000-mixed")).isEqualTo(1);

        assertThat(err.toString()).startsWith("compare: No run 20260101-120000-mixed").doesNotContain("Exception");
    }

    private int compare(String... args) {
        CommandLine cli = new CommandLine(new PerfCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 3];
        all[0] = "compare";
        all[1] = "--results";
        all[2] = results.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return cli.execute(all);
    }

    private static Path comparison(String file) {
        return Path.of("compare-" + A + "-vs-" + B, file);
    }

    private static long sink;

    /** CPU time on this thread, so that a loaded machine still yields samples. */
    private static void burn(Duration cpu) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + cpu.toNanos();
        long x = 1;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink = x;
    }
}
