package dev.queuescope.perf.load;

import java.time.Duration;

/**
 * One stretch of the measured phase at a constant arrival rate. A plan's phases follow each other
 * without gaps; a plain run is one phase.
 *
 * @param name          label in results, e.g. {@code baseline}, {@code overload}, {@code recovery}
 * @param ratePerSecond intended arrival rate throughout the phase
 * @param duration      in a phased plan a whole number of seconds, so phase boundaries fall on the
 *                      per-second intervals
 */
public record RatePhase(String name, double ratePerSecond, Duration duration) {

    public RatePhase {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("phase " + name + ": rate must be positive, got " + ratePerSecond);
        }
        if (!duration.isPositive()) {
            throw new IllegalArgumentException("phase " + name + ": duration must be positive, got " + duration);
        }
    }
}
