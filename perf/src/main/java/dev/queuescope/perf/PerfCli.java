package dev.queuescope.perf;

import dev.queuescope.perf.analysis.AnalyseCommand;
import dev.queuescope.perf.analysis.BlindCommand;
import dev.queuescope.perf.compare.CompareCommand;
import dev.queuescope.perf.run.RunCommand;
import dev.queuescope.perf.selftest.NullResponder;
import dev.queuescope.perf.selftest.SelfTestCommand;
import dev.queuescope.perf.sweep.SweepCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar perf/target/queuescope-perf.jar <command>}: the perf kit's entry point. */
@Command(name = "queuescope-perf", mixinStandardHelpOptions = true, version = "queuescope-perf 0.1",
        description = "Drives open-loop load at a service and captures where its queues build up.",
        subcommands = { RunCommand.class, SweepCommand.class, AnalyseCommand.class, BlindCommand.class,
                CompareCommand.class, SelfTestCommand.class, NullResponder.class, CommandLine.HelpCommand.class })
public final class PerfCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new PerfCli()).execute(args));
    }
}
