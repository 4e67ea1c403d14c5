package dev.queuescope.perf.load;

/** How request arrivals are spaced in time. Either way the schedule never depends on responses. */
public enum ArrivalProcess {
    /** Request {@code i} is due at {@code i / rate}: the steadiest load, easiest to compare runs with. */
    CONSTANT,
    /**
     * Exponential inter-arrival times drawn from an RNG seeded with {@link LoadPlan#seed()}: independent
     * users arriving at random, which builds queues a constant process hides. Same seed, same schedule.
     */
    POISSON
}
