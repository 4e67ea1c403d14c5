package dev.queuescope.perf.overload;

/**
 * The knee an overload run's rates are multiples of.
 *
 * @param rate          req/s the phases' {@code rateOfKnee} multiply
 * @param maxThroughput the service's maximum throughput, req/s: what goodput is a share of
 * @param source        {@code option} (--knee), {@code sweep <id>} (that sweep's knee; its best
 *                      throughput), or {@code calibration <run>} (a light run's CPU-based capacity
 *                      estimate, which overestimates)
 */
public record Knee(double rate, double maxThroughput, String source) {
}
