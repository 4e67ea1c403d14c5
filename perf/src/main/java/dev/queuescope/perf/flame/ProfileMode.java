package dev.queuescope.perf.flame;

import java.util.Locale;
import java.util.Set;

/**
 * What an async-profiler sample in profile.jfr measures, by the JFR event types that carry it (as
 * {@code jfr summary profile.jfr} lists them for async-profiler 4.5 in JFR output mode).
 */
public enum ProfileMode {

    /** On-CPU samples (every 10 ms of a thread's CPU time, as {@code run} sets async-profiler up). */
    CPU(Set.of("jdk.ExecutionSample")),
    /** Every thread, running or not (every 20 ms): where threads wait. */
    WALL(Set.of("profiler.WallClockSample")),
    /** Allocation samples (one per 512 KB), inside or outside a TLAB. */
    ALLOC(Set.of("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB")),
    /** Contended monitor entries and parks (of at least 1 ms). */
    LOCK(Set.of("jdk.JavaMonitorEnter", "jdk.ThreadPark"));

    private final Set<String> eventTypes;

    ProfileMode(Set<String> eventTypes) {
        this.eventTypes = eventTypes;
    }

    public Set<String> eventTypes() {
        return eventTypes;
    }

    /** {@code cpu}, {@code wall}, ...: as in async-profiler's options and the flame graphs' file names. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
