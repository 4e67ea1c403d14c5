package dev.queuescope.perf;

import dev.queuescope.perf.analysis.AnalyseCommand;
import dev.queuescope.perf.analysis.BlindCommand;
import dev.queuescope.perf.bench.BenchCommand;
import dev.queuescope.perf.capacity.CapacityCommand;
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
        subcommands = { RunCommand.class, BenchCommand.class, CapacityCommand.class, SweepCommand.class, AnalyseCommand.class, BlindCommand.class,
                CompareCommand.class, SelfTestCommand.class, NullResponder.class, CommandLine.HelpCommand.class })
public final class PerfCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new PerfCli()).setExecutionExceptionHandler(PerfCli::badInput).execute(args);
    }

    /** Bad input (no such run, an unknown lab) is a one-line message and exit 1; anything else keeps its stack trace. */
    private static int badInput(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException) {
            command.getErr().println(command.getCommandName() + ": " + e.getMessage());
            return 1;
        }
        throw e;
    }
}
