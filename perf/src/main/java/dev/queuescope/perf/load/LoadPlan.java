package dev.queuescope.perf.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What load to drive.
 *
 * @param target         {@code http://host:port} of the service; only scheme, host and port are used
 * @param ratePerSecond  full request rate of the measured phase (its first phase's rate when phased)
 * @param warmup         linear ramp from 10 % to 100 % of the rate; its requests are not measured
 * @param duration       measured phase (all its phases together)
 * @param maxConnections keep-alive connection pool size; {@link #DEFAULT_MAX_CONNECTIONS} unless the
 *                       service needs more concurrency than that
 * @param requestTimeout longest wait for a pooled connection, and longest wait for response bytes once
 *                       sent; see {@link #DEFAULT_REQUEST_TIMEOUT}
 * @param runId          sent as {@code X-Queuescope-Run} so server-side events can be joined to the run
 * @param seed           seeds the {@link ArrivalProcess#POISSON} schedule
 * @param phases         the measured phase's piecewise-constant rate schedule; one phase at
 *                       {@code ratePerSecond} for {@code duration} when not phased (pass an empty list)
 */
public record LoadPlan(URI target, double ratePerSecond, Duration warmup, Duration duration,
        ArrivalProcess arrivals, int maxConnections, Duration requestTimeout, String runId, long seed,
        List<RatePhase> phases) {

    /** A plain plan: one rate for the whole measured phase. */
    public LoadPlan(URI target, double ratePerSecond, Duration warmup, Duration duration, ArrivalProcess arrivals,
            int maxConnections, Duration requestTimeout, String runId, long seed) {
        this(target, ratePerSecond, warmup, duration, arrivals, maxConnections, requestTimeout, runId, seed,
                List.of());
    }

    /** A phased plan: the warm-up ramps to the first phase's rate, the measured phase is the phases in order. */
    public static LoadPlan phased(URI target, List<RatePhase> phases, Duration warmup, ArrivalProcess arrivals,
            int maxConnections, Duration requestTimeout, String runId, long seed) {
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a phased plan needs at least one phase");
        }
        for (RatePhase phase : phases) {
            if (phase.duration().toNanosPart() != 0) {
                throw new IllegalArgumentException("phase " + phase.name() + " lasts " + phase.duration()
                        + ": phases last whole seconds, so their boundaries fall on the per-second intervals");
            }
        }
        Duration total = phases.stream().map(RatePhase::duration).reduce(Duration.ZERO, Duration::plus);
        return new LoadPlan(target, phases.getFirst().ratePerSecond(), warmup, total, arrivals, maxConnections,
                requestTimeout, runId, seed, phases);
    }

    /** Whether the measured phase has more than one rate. */
    public boolean isPhased() {
        return phases.size() > 1;
    }

    /**
     * 64 connections serve 64 requests at once: by Little's law 6 400 req/s at 10 ms, 640 req/s at
     * 100 ms. Beyond that the pool queues requests, which the corrected latency shows as service latency
     * and {@link LoadResult#connectionCapReached()} flags.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    /** Long enough not to cut off a struggling service's slow tail, short enough to bound a run's end. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public LoadPlan {
        if (!"http".equals(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("target must be http://host:port, got " + target);
        }
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be positive, got " + ratePerSecond);
        }
        if (warmup.isNegative() || !duration.isPositive()) {
            throw new IllegalArgumentException("warmup must be >= 0 and duration > 0");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
        }
        if (!requestTimeout.isPositive()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        if (phases.isEmpty()) {
            phases = List.of(new RatePhase("measured", ratePerSecond, duration));
        } else {
            phases = List.copyOf(phases);
            Duration total = phases.stream().map(RatePhase::duration).reduce(Duration.ZERO, Duration::plus);
            if (!total.equals(duration) || phases.getFirst().ratePerSecond() != ratePerSecond) {
                throw new IllegalArgumentException("the phases must add up to the duration and start at the rate");
            }
        }
    }
}
