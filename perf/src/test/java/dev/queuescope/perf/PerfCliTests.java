package dev.queuescope.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one line naming the command and exit code 1, not a stack trace. */
class PerfCliTests {

    @Test
    void analysingARunThatDoesNotExistIsOneLineAndExitOne() {
        assertThat(errorOf("analyse", "no/such/run")).isEqualTo("analyse: No run directory no/such/run"
                + System.lineSeparator());
    }

    @Test
    void measuringTheCapacityOfAPhasedScenarioNamesItsKneeScenario() {
        assertThat(errorOf("capacity", "--scenario=overload", "--repo=..")).isEqualTo("capacity: Scenario overload has "
                + "phases; measure the capacity of its knee scenario (mixed)" + System.lineSeparator());
    }

    @Test
    void benchingACheckoutWithNoBuiltShopSaysToBuildItAndWritesNothing(@TempDir Path checkout) throws IOException {
        assertThat(errorOf("bench", "--repo=" + checkout)).isEqualTo("bench: No shop JAR at "
                + checkout.resolve("app/target/queuescope.jar") + ": run `make build` (the kit's make targets do)"
                + System.lineSeparator());
        try (Stream<Path> written = Files.list(checkout)) {
            assertThat(written).isEmpty();
        }
    }

    /** What the command wrote to stderr; it must have exited 1. */
    private static String errorOf(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        int exit;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = PerfCli.run(args);
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(1);
        return captured.toString(StandardCharsets.UTF_8);
    }
}
