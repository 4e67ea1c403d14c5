package dev.queuescope.perf.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import one.convert.Main;
import one.profiler.AsyncProfilerLoader;

/**
 * async-profiler (through the ap-loader artifact) in ONE profiler run: cpu, wall-clock, allocation
 * and lock samples go to one JFR file, which is converted afterwards into an HTML flame graph per
 * mode. Wall-clock samples show where threads wait (a park in Hikari's pool, a socket read) —
 * the waits its lock mode cannot see.
 */
public final class AsyncProfiler {

    /**
     * Sampling: cpu every 10 ms, wall every 50 ms per thread, an allocation sample per 512 KB, locks
     * held ≥ 1 ms. Wall-clock sampling signals every thread of the JVM (~60 in the shop): at 20 ms it
     * cost the shop a third more CPU per request (docs/perf-guide.md, "What capture costs").
     */
    static final String EVENTS = "event=cpu,interval=10ms,wall=50ms,alloc=512k,lock=1ms";
    static final List<String> MODES = List.of("cpu", "wall", "alloc", "lock");

    private AsyncProfiler() {
    }

    /** The JVM option that starts profiling at JVM start and writes {@code output} at exit. */
    public static String agentOption(Path output) throws IOException {
        return "-agentpath:" + AsyncProfilerLoader.getAsyncProfilerPath() + "=start," + EVENTS + ",jfr,file=" + output;
    }

    /** {@code flamegraph-<mode>.html} for every mode with samples; the file names by mode. */
    public static Map<String, String> flameGraphs(Path profile, Path directory) throws Exception {
        Map<String, String> written = new LinkedHashMap<>();
        if (!Files.exists(profile)) {
            return written;
        }
        for (String mode : MODES) {
            Path html = directory.resolve("flamegraph-" + mode + ".html");
            Main.main(new String[] {"--" + mode, "--title", "Queuescope " + mode, profile.toString(), html.toString()});
            if (Files.exists(html)) {
                written.put(mode, html.getFileName().toString());
            }
        }
        return written;
    }
}
