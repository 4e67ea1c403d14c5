package dev.queuescope.perf.compare;

import dev.queuescope.perf.flame.CollapsedStacks;
import dev.queuescope.perf.flame.FlameDiff;
import dev.queuescope.perf.flame.FrameShare;
import dev.queuescope.perf.flame.ProfileMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The differential flame graph of B against A from both runs' profile.jfr, or why there is none.
 * Only samples taken during each run's measured phase count: start-up and warm-up (JIT, class
 * loading) would otherwise fill the graph with differences no request saw.
 */
record FlameGraphDiff(String mode, @Nullable String file, String note, List<FrameShare> biggestChanges) {

    static final int CHANGES_LISTED = 15;

    record Side(String id, Path run, LatencySeconds seconds) {
    }

    static FlameGraphDiff write(Side a, Side b, ProfileMode mode, Path out) throws IOException {
        for (Side side : List.of(a, b)) {
            if (!Files.isRegularFile(side.run().resolve("profile.jfr"))) {
                return none(mode, "no flame graph: run " + side.id()
                        + " has no profile.jfr (it ran with --no-profiler, or before async-profiler was added)");
            }
        }
        Map<String, Long> before = measured(a, mode);
        if (before.isEmpty()) {
            return none(mode, noSamples(a, mode));
        }
        Map<String, Long> after = measured(b, mode);
        if (after.isEmpty()) {
            return none(mode, noSamples(b, mode));
        }
        String file = "flamegraph-diff-" + mode.label() + ".html";
        FlameDiff.write(out.resolve(file), mode.label() + ": " + b.id() + " vs " + a.id()
                + " (red: larger share in " + b.id() + ", blue: smaller)", before, after);
        return new FlameGraphDiff(mode.label(), file, "widths: " + b.id() + "'s " + mode.label()
                + " samples in its measured phase; colour: change in each frame's self share of all samples "
                + "(red = more in " + b.id() + ", blue = less, yellow = not in " + a.id() + ")",
                FrameShare.biggestChanges(before, after, CHANGES_LISTED));
    }

    private static Map<String, Long> measured(Side side, ProfileMode mode) throws IOException {
        Instant from = side.seconds().from();
        Instant to = side.seconds().to();
        return CollapsedStacks.read(side.run().resolve("profile.jfr"), mode,
                event -> !event.getStartTime().isBefore(from) && event.getStartTime().isBefore(to));
    }

    private static String noSamples(Side side, ProfileMode mode) {
        return "no flame graph: run " + side.id() + "'s profile.jfr has no " + mode.label()
                + " samples in its measured phase";
    }

    private static FlameGraphDiff none(ProfileMode mode, String note) {
        return new FlameGraphDiff(mode.label(), null, note, List.of());
    }
}
