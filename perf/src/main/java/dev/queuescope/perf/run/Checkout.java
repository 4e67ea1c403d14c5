package dev.queuescope.perf.run;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The Queuescope checkout a command works in ({@code --repo}, a picocli mixin): where the built shop, its tuned JVM
 * options, the scenarios and the results are. One place knows the layout, so the commands that start a shop agree.
 */
public final class Checkout {

    @Option(names = "--repo", defaultValue = ".", paramLabel = "DIR", description = "the Queuescope checkout (default: .)")
    Path dir;

    public Path dir() {
        return dir;
    }

    /** The shop JAR {@code make build} leaves; bad input (a one-line error) when {@code --repo} has none. */
    public Path builtShop() {
        Path jar = dir.resolve("app/target/queuescope.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No shop JAR at " + jar + ": run `make build` (the kit's make targets do)");
        }
        return jar;
    }

    public Path jvmOptions() {
        return dir.resolve("app/jvm.options");
    }

    public Path scenarios() {
        return dir.resolve("perf/scenarios");
    }

    public Path results() {
        return dir.resolve("perf/results");
    }

    /** Where {@link SeededTemplate} keeps seeded databases, shared by every command's shops. */
    public Path templates() {
        return results().resolve(".templates");
    }
}
