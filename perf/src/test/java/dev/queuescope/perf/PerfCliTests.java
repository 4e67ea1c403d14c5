package dev.queuescope.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad input gets one line naming the command and exit code 1, not a stack trace. */
class PerfCliTests {

    @Test
    void analysingARunThatDoesNotExistIsOneLineAndExitOne() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        int exit;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = PerfCli.run("analyse", "no/such/run");
        } finally {
            System.setErr(err);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("analyse: No run directory no/such/run"
                + System.lineSeparator());
    }
}
