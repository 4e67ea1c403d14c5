package dev.queuescope.perf.run;

import java.io.PrintStream;
import java.util.Locale;
import dev.queuescope.perf.load.Progress;
import java.util.function.Consumer;

/**
 * Progress while the load runs: rewritten in place on one line on a terminal, a plain line every
 * five seconds otherwise (CI logs).
 */
final class ProgressPrinter implements Consumer<Progress> {

    private final PrintStream out;
    private final boolean terminal;
    private long lastPlainLineSecond = -5;

    ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void accept(Progress p) {
        long second = p.elapsed().toSeconds();
        String line = String.format(Locale.ROOT, "%s %4ds  offered %7.0f/s  achieved %7.0f/s  p99 %8.2f ms  errors %d",
                p.warmingUp() ? "warm-up" : "load   ", second, p.offeredRate(), p.achievedRate(), p.p99MsSoFar(),
                p.errors());
        if (terminal) {
            out.print("\r" + line);
            out.flush();
        } else if (second - lastPlainLineSecond >= 5) {
            out.println(line);
            lastPlainLineSecond = second;
        }
    }

    void finish() {
        if (terminal) {
            out.println();
        }
    }
}
