package dev.queuescope.perf.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pins the generator (this JVM) to core 0 and the shop it starts (and the shop's PostgreSQL, its child)
 * to core 1 with {@code taskset} from util-linux, so the two do not steal each other's core mid-run.
 * Needs at least two cores and taskset; otherwise the run goes unpinned and says why.
 *
 * @param shopLauncher what goes before the shop's {@code java} command: empty when unpinned
 * @param description  what {@code environment.pinning} and {@code generator.pinned} record
 */
record Pinning(List<String> shopLauncher, String description) {

    static final String GENERATOR_CORE = "0";
    static final String SHOP_CORE = "1";

    static Pinning none(String why) {
        return new Pinning(List.of(), "none: " + why);
    }

    /** Pins this JVM now and returns how to start the shop pinned, or says why it cannot. */
    static Pinning generatorAndShop() throws InterruptedException {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return none("fewer than 2 cores");
        }
        if (taskset("-p", Long.toString(ProcessHandle.current().pid())) != 0) {
            return none("taskset (util-linux) not found or not permitted");
        }
        if (taskset("-a", "-p", "-c", GENERATOR_CORE, Long.toString(ProcessHandle.current().pid())) != 0) {
            return none("taskset could not pin the generator");
        }
        return new Pinning(List.of("taskset", "-c", SHOP_CORE),
                "generator core " + GENERATOR_CORE + ", shop and its PostgreSQL core " + SHOP_CORE + " (taskset)");
    }

    private static int taskset(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException notFound) {
            return -1;
        }
    }
}
