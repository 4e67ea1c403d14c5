package dev.queuescope.perf.overload;

/**
 * The knee an overload run's rates are multiples of.
 *
 * @param rate                    req/s the phases' {@code rateOfKnee} multiply
 * @param maxThroughput           the service's maximum throughput, req/s: what goodput is a share of
 * @param maxThroughputLowerBound true when no measurement behind {@code maxThroughput} saturated the service
 *                                (it kept up with the highest rate offered), so its real maximum may be higher
 * @param source                  {@code option} (--knee), {@code sweep <id>} (that sweep's knee; its best
 *                                throughput), or {@code calibration <run>} (a light run's CPU-based capacity
 *                                estimate, which overestimates)
 */
public record Knee(double rate, double maxThroughput, boolean maxThroughputLowerBound, String source) {
}
