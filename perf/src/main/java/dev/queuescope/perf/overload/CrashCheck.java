package dev.queuescope.perf.overload;

import dev.queuescope.perf.load.IntervalStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Whether the service died under the load: its process exited, its log shows an
 * {@code OutOfMemoryError} or a fatal JVM error ({@code hs_err}), or it stopped answering at all
 * for {@value #SILENT_SECONDS} seconds in a row while requests were being sent. A refusal (429/503) is
 * an answer: shedding is not dying.
 *
 * @param evidence why, one line each; empty when it did not crash
 */
public record CrashCheck(boolean crashed, List<String> evidence) {

    static final int SILENT_SECONDS = 5;
    private static final List<String> FATAL_MARKS = List.of("java.lang.OutOfMemoryError", "hs_err_pid");

    /**
     * @param aliveAfterLoad whether the service's process was still running when the load ended; null
     *                       when the kit cannot tell (attached without a pid)
     * @param log            the service's log, null when the kit has none
     */
    public static CrashCheck of(@Nullable Boolean aliveAfterLoad, @Nullable Path log, List<IntervalStats> perSecond) {
        List<String> evidence = new ArrayList<>();
        if (Boolean.FALSE.equals(aliveAfterLoad)) {
            evidence.add("the service's process had exited when the load ended");
        }
        if (log != null && Files.isRegularFile(log)) {
            try (Stream<String> lines = Files.lines(log)) {
                lines.filter(line -> FATAL_MARKS.stream().anyMatch(line::contains)).limit(3)
                        .forEach(line -> evidence.add("log: " + line.strip()));
            } catch (IOException | UncheckedIOException e) {
                evidence.add("the service's log could not be read: " + e.getMessage());
            }
        }
        int silent = 0;
        for (int second = 0; second < perSecond.size(); second++) {
            IntervalStats stats = perSecond.get(second);
            silent = stats.sent() > 0 && stats.completed() + stats.rejected() == 0 ? silent + 1 : 0;
            if (silent == SILENT_SECONDS) {
                evidence.add("no answer for " + SILENT_SECONDS + " s in a row while sending (seconds "
                        + (second - SILENT_SECONDS + 1) + "–" + second + " of the measured phase)");
                break;
            }
        }
        return new CrashCheck(!evidence.isEmpty(), List.copyOf(evidence));
    }
}
