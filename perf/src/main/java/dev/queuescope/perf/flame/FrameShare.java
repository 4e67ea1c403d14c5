package dev.queuescope.perf.flame;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function's share of each side's samples: the fraction of samples whose stack contains it
 * (recursion counted once), so a share says how much of the time was spent in it or below it.
 */
public record FrameShare(String frame, double baselineShare, double comparisonShare) {

    public double change() {
        return comparisonShare - baselineShare;
    }

    /** The {@code limit} functions whose share changed the most, either way, largest change first. */
    public static List<FrameShare> biggestChanges(Map<String, Long> baseline, Map<String, Long> comparison,
            int limit) {
        Map<String, Double> before = shares(baseline);
        Map<String, Double> after = shares(comparison);
        Set<String> frames = new HashSet<>(before.keySet());
        frames.addAll(after.keySet());
        return frames.stream()
                .map(frame -> new FrameShare(frame, before.getOrDefault(frame, 0.0), after.getOrDefault(frame, 0.0)))
                .sorted(Comparator.comparingDouble((FrameShare s) -> -Math.abs(s.change()))
                        .thenComparing(FrameShare::frame))
                .limit(limit)
                .toList();
    }

    private static Map<String, Double> shares(Map<String, Long> stacks) {
        Map<String, Long> samples = new HashMap<>();
        stacks.forEach((stack, count) -> {
            for (String frame : new HashSet<>(Arrays.asList(stack.split(";")))) {
                samples.merge(frame, count, Long::sum);
            }
        });
        double total = FlameDiff.total(stacks);
        Map<String, Double> shares = new HashMap<>();
        samples.forEach((frame, count) -> shares.put(frame, count / total));
        return shares;
    }
}
