package dev.queuescope.perf.load;

import java.util.SplittableRandom;

/**
 * The intended start of every request, computed up front from the plan and never from responses: that
 * independence is what makes the load open.
 *
 * <p>Arrivals are generated in "operational time" Λ, the expected number of arrivals so far: CONSTANT
 * puts arrival {@code i} at Λ = i, POISSON adds unit-mean exponential gaps. Λ is then mapped to wall time
 * through the inverse of the cumulative rate N(t), whose rate ramps linearly from 10 % to 100 % over the
 * warm-up and stays at 100 % after. So the ramp needs no special case in either process, and a Poisson
 * process stays Poisson (with the ramping rate) during the warm-up.
 *
 * <p>Not thread-safe: owned by the generator's event loop.
 */
final class ArrivalSchedule {

    /** Returned by {@link #next()} once the measured phase's last arrival has been handed out. */
    static final long EXHAUSTED = Long.MAX_VALUE;

    private static final double RAMP_START = 0.1;

    private final ArrivalProcess process;
    private final double rate;
    private final double warmupSeconds;
    private final long warmupNanos;
    private final long endNanos;
    private final double arrivalsInWarmup;
    private final SplittableRandom random;
    private double operationalTime;
    private long count;

    ArrivalSchedule(ArrivalProcess process, double ratePerSecond, long warmupNanos, long durationNanos,
            long seed) {
        this.process = process;
        this.rate = ratePerSecond;
        this.warmupNanos = warmupNanos;
        this.warmupSeconds = warmupNanos / 1e9;
        this.endNanos = warmupNanos + durationNanos;
        this.arrivalsInWarmup = rate * warmupSeconds * (1 + RAMP_START) / 2;
        this.random = new SplittableRandom(seed);
    }

    static ArrivalSchedule of(LoadPlan plan) {
        return new ArrivalSchedule(plan.arrivals(), plan.ratePerSecond(), plan.warmup().toNanos(),
                plan.duration().toNanos(), plan.seed());
    }

    /** Intended start of the next arrival, in nanoseconds since the run started, or {@link #EXHAUSTED}. */
    long next() {
        if (process == ArrivalProcess.POISSON) {
            operationalTime += random.nextExponential();
        } else {
            operationalTime = count;
        }
        count++;
        long at = (long) (wallSeconds(operationalTime) * 1e9);
        return at < endNanos ? at : EXHAUSTED;
    }

    /** Whether a request intended at this time belongs to the measured phase (not the warm-up). */
    boolean measured(long intendedNanos) {
        return intendedNanos >= warmupNanos;
    }

    /** The rate the schedule asks for at this moment of the run. */
    double rateAt(long elapsedNanos) {
        if (elapsedNanos >= warmupNanos) {
            return rate;
        }
        return rate * (RAMP_START + (1 - RAMP_START) * elapsedNanos / (double) warmupNanos);
    }

    long warmupNanos() {
        return warmupNanos;
    }

    long endNanos() {
        return endNanos;
    }

    /** N⁻¹(Λ): during the warm-up N(t) = rate·(a·t + (1−a)·t²/(2W)), a quadratic in t; linear after. */
    private double wallSeconds(double lambda) {
        if (lambda >= arrivalsInWarmup) {
            return warmupSeconds + (lambda - arrivalsInWarmup) / rate;
        }
        double quadratic = (1 - RAMP_START) / (2 * warmupSeconds);
        return (-RAMP_START + Math.sqrt(RAMP_START * RAMP_START + 4 * quadratic * lambda / rate))
                / (2 * quadratic);
    }
}
