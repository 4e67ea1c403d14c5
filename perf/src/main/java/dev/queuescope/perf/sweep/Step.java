package dev.queuescope.perf.sweep;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One step of a sweep: a normal run at a share of the capacity, as {@code sweep.json} holds it.
 * Latencies are corrected (from each request's intended start), in milliseconds.
 *
 * @param percent            share of the capacity offered, %
 * @param offeredRate        the run's intended arrival rate, req/s
 * @param sentRate           requests the generator actually sent per second of the measured phase
 * @param achievedRate       successful responses per second received within the measured phase; not
 *                           the run's throughput, which also counts responses to the backlog drained
 *                           after it and so keeps up with the offered rate past the knee
 * @param meanMs             mean latency of the step's measured requests, for Little's law
 * @param concurrency        mean requests in flight, N = X·R (Little's law): responses per second within
 *                           the measured phase (every outcome) × mean latency
 * @param generatorSaturated the generator fell behind its schedule: the step understates the service, so
 *                           it is shown but left out of the knee search and the fit
 * @param run                the step's run directory, relative to the sweep's
 * @param waitMsPerRequest   the run's {@code queues[]}: each queue's wait per request, null when not measured
 */
public record Step(double percent, double offeredRate, double sentRate, double achievedRate, double p50Ms,
        double p99Ms, double meanMs, double concurrency, boolean generatorSaturated, String run,
        Map<String, @Nullable Double> waitMsPerRequest) {
}
