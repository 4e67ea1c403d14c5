package dev.queuescope.perf.flame;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import one.convert.Arguments;
import one.convert.FlameGraph;

/**
 * A differential flame graph, rendered by async-profiler's own converter (its {@code jfrconv --diff}),
 * so it looks and zooms like the run's flame graphs and needs no renderer of ours: one self-contained
 * HTML page, its script inline, nothing fetched.
 *
 * <p>Frame widths are the comparison's samples. async-profiler colours a frame by the change in its
 * <em>self</em> samples (red = more in the comparison, blue = fewer, yellow = a frame the baseline
 * never had) and compares raw counts; the baseline is therefore scaled to the comparison's total
 * first, so that the colour is the change in the frame's share of each side's samples, not in how
 * long each side happened to be sampled. The tooltip shows the comparison's samples, that change in
 * samples and the comparison's share; {@link FrameShare} has both shares of each function.
 */
public final class FlameDiff {

    private FlameDiff() {
    }

    public static void write(Path html, String title, Map<String, Long> baseline, Map<String, Long> comparison)
            throws IOException {
        long baselineTotal = total(baseline);
        long comparisonTotal = total(comparison);
        if (baselineTotal == 0 || comparisonTotal == 0) {
            throw new IllegalArgumentException("A differential flame graph needs samples on both sides (baseline "
                    + baselineTotal + ", comparison " + comparisonTotal + ")");
        }
        Arguments args = new Arguments();
        args.output = "html";
        args.title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        FlameGraph base = new FlameGraph(args);
        base.parseCollapsed(new StringReader(collapsed(baseline, (double) comparisonTotal / baselineTotal)));
        FlameGraph current = new FlameGraph(args);
        current.parseCollapsed(new StringReader(collapsed(comparison, 1)));
        current.diff(base);
        try (OutputStream out = Files.newOutputStream(html)) {
            current.dump(out);
        }
    }

    static long total(Map<String, Long> stacks) {
        return stacks.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The converter's input format, counts scaled. A stack that rounds to no samples stays, with 0,
     * so that its frames still exist in the baseline and do not show as new.
     */
    private static String collapsed(Map<String, Long> stacks, double scale) {
        StringBuilder text = new StringBuilder();
        stacks.forEach((stack, samples) -> text.append(stack).append(' ').append(Math.round(samples * scale))
                .append('\n'));
        return text.toString();
    }
}
