package dev.queuescope.perf.load;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The intended start of every request, computed up front from the plan and never from responses: that
 * independence is what makes the load open.
 *
 * <p>Arrivals are generated in "operational time" Λ, the expected number of arrivals so far: CONSTANT
 * puts arrival {@code i} at Λ = i, POISSON adds unit-mean exponential gaps. Λ is then mapped to wall time
 * through the inverse of the cumulative rate N(t), whose rate ramps linearly from 10 % to 100 % of the first
 * phase's rate over the warm-up, then is piecewise constant, one rate per {@link RatePhase}. So neither the
 * ramp nor a phase boundary needs a special case in either process, and a Poisson process stays Poisson
 * (with the time-varying rate) throughout.
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
    /** Per phase: its rate, its start and end in ns since the run started, and N at its start. */
    private final double[] phaseRates;
    private final long[] phaseStarts;
    private final long[] phaseEnds;
    private final double[] arrivalsBefore;
    private final SplittableRandom random;
    private double operationalTime;
    private long count;

    ArrivalSchedule(ArrivalProcess process, double ratePerSecond, long warmupNanos, long durationNanos,
            long seed) {
        this(process, List.of(new RatePhase("measured", ratePerSecond, java.time.Duration.ofNanos(durationNanos))),
                warmupNanos, seed);
    }

    ArrivalSchedule(ArrivalProcess process, List<RatePhase> phases, long warmupNanos, long seed) {
        this.process = process;
        this.rate = phases.getFirst().ratePerSecond();
        this.warmupNanos = warmupNanos;
        this.warmupSeconds = warmupNanos / 1e9;
        this.arrivalsInWarmup = rate * warmupSeconds * (1 + RAMP_START) / 2;
        this.random = new SplittableRandom(seed);
        int n = phases.size();
        phaseRates = new double[n];
        phaseStarts = new long[n];
        phaseEnds = new long[n];
        arrivalsBefore = new double[n];
        long at = warmupNanos;
        double arrivals = arrivalsInWarmup;
        for (int i = 0; i < n; i++) {
            RatePhase phase = phases.get(i);
            phaseRates[i] = phase.ratePerSecond();
            phaseStarts[i] = at;
            arrivalsBefore[i] = arrivals;
            at += phase.duration().toNanos();
            phaseEnds[i] = at;
            arrivals += phase.ratePerSecond() * phase.duration().toNanos() / 1e9;
        }
        this.endNanos = at;
    }

    static ArrivalSchedule of(LoadPlan plan) {
        return new ArrivalSchedule(plan.arrivals(), plan.phases(), plan.warmup().toNanos(), plan.seed());
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
            return phaseRates[Math.max(0, phaseOf(elapsedNanos))];
        }
        return rate * (RAMP_START + (1 - RAMP_START) * elapsedNanos / (double) warmupNanos);
    }

    /**
     * The phase (index into the plan's phases) a request intended at this time belongs to: −1 in the
     * warm-up; the last phase at or after the end.
     */
    int phaseOf(long intendedNanos) {
        if (intendedNanos < warmupNanos) {
            return -1;
        }
        for (int i = 0; i < phaseEnds.length; i++) {
            if (intendedNanos < phaseEnds[i]) {
                return i;
            }
        }
        return phaseEnds.length - 1;
    }

    int phases() {
        return phaseEnds.length;
    }

    long phaseStartNanos(int phase) {
        return phaseStarts[phase];
    }

    long phaseEndNanos(int phase) {
        return phaseEnds[phase];
    }

    long warmupNanos() {
        return warmupNanos;
    }

    long endNanos() {
        return endNanos;
    }

    /**
     * N⁻¹(Λ): during the warm-up N(t) = rate·(a·t + (1−a)·t²/(2W)), a quadratic in t; after it linear
     * within each phase, with the phase's slope.
     */
    private double wallSeconds(double lambda) {
        if (lambda >= arrivalsInWarmup) {
            int phase = phaseRates.length - 1;
            while (phase > 0 && lambda < arrivalsBefore[phase]) {
                phase--;
            }
            return phaseStarts[phase] / 1e9 + (lambda - arrivalsBefore[phase]) / phaseRates[phase];
        }
        double quadratic = (1 - RAMP_START) / (2 * warmupSeconds);
        return (-RAMP_START + Math.sqrt(RAMP_START * RAMP_START + 4 * quadratic * lambda / rate))
                / (2 * quadratic);
    }
}
