package dev.queuescope.perf.analysis;

import java.util.Map;

/**
 * One route's own slowest requests and the queue that held most of their time. The run's tail is the
 * slowest route's; a route with a queue of its own (two labs on independent routes, or a slow write
 * beside fast reads) shows it here even when another route owns the run's p99.
 *
 * @param route      the handler pattern the shop recorded (e.g. {@code /api/v1/orders})
 * @param requests   measured requests of the route
 * @param p99Ms      the route's p99 latency from intended start, ms
 * @param queue      the queue with the largest share of the route's p99 cohort; {@code none} when no queue
 *                   holds any of it
 * @param shareOfP99 that queue's share of the cohort's time
 * @param sharesOfP99 every queue with at least 1 % of the cohort's time, largest first
 */
public record RouteTail(String route, int requests, double p99Ms, String queue, double shareOfP99,
        Map<String, Double> sharesOfP99) {
}
