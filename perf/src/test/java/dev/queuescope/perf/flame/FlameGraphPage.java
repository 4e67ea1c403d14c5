package dev.queuescope.perf.flame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back what an async-profiler flame graph page draws: its string pool (each entry a prefix
 * length of the previous one, then a suffix) and its frame calls {@code f/u/n(key, ...)}, each
 * preceded by {@code d=<diff>} when the diff changes ({@code U}: a frame the baseline lacks).
 */
final class FlameGraphPage {

    private static final Pattern STRING = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

    private FlameGraphPage() {
    }

    /** Each frame's title and diff in samples (null: new in the comparison), in drawing order. */
    static Map<String, Long> diffs(String html) {
        int poolStart = html.indexOf("const cpool = [");
        List<String> pool = new ArrayList<>();
        Matcher string = STRING.matcher(html.substring(poolStart, html.indexOf("];", poolStart)));
        while (string.find()) {
            String packed = string.group(1).replace("\\'", "'").replace("\\\\", "\\");
            pool.add(pool.isEmpty() ? packed
                    : pool.getLast().substring(0, packed.charAt(0) - ' ') + packed.substring(1));
        }
        String frames = html.substring(html.lastIndexOf("unpack(cpool);") + "unpack(cpool);".length(),
                html.lastIndexOf("search("));
        Map<String, Long> diffs = new LinkedHashMap<>();
        Long diff = 0L;
        for (String line : frames.strip().split("\n")) {
            if (line.startsWith("d=")) {
                diff = line.equals("d=U") ? null : Long.parseLong(line.substring(2));
            } else if (!line.isBlank()) {
                int key = Integer.parseInt(line.substring(2, line.length() - 1).split(",")[0]);
                diffs.put(pool.get(key >>> 3), diff);
            }
        }
        return diffs;
    }
}
