package dev.queuescope.perf.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.PerfCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's surface; what it makes of finished runs is in {@link SweepTests}. Nothing here starts a shop. */
class SweepCommandTests {

    @TempDir
    Path repo;

    @Test
    void helpDocumentsEveryOptionAndItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PerfCli());
        cli.setOut(new PrintWriter(out));
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        int exit;
        // picocli warns on stderr about a help text it cannot format (a lone % in it).
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            exit = cli.execute("sweep", "--help");
        } finally {
            System.setErr(err);
        }

        assertThat(exit).isZero();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString()).contains("--scenario=NAME|FILE", "default: mixed", "--steps=PERCENT",
                "10,25,50,75,100,125,150", "--capacity=REQ/S", "--calibration-rate=REQ/S", "--duration=TIME",
                "default: 20s", "--warmup=TIME", "default: 5s", "90 % of the rate sent", "Universal Scalability Law", "Exit codes")
                .doesNotContain("--results");
    }

    @Test
    void anUnknownScenarioFailsBeforeAnythingRuns() {
        int exit = new CommandLine(new PerfCli()).execute("sweep", "--scenario=nope", "--capacity=100",
                "--repo=" + repo);

        assertThat(exit).isEqualTo(1);
        assertThat(Files.exists(repo.resolve("perf/results"))).isFalse();
    }

    @Test
    void stepsArePositivePercentages() {
        int exit = new CommandLine(new PerfCli()).execute("sweep", "--steps=50,0", "--capacity=100",
                "--repo=" + repo);

        assertThat(exit).isEqualTo(1);
        assertThat(Files.exists(repo.resolve("perf/results"))).isFalse();
    }
}
