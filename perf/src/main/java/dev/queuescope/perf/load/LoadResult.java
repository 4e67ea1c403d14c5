package dev.queuescope.perf.load;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The measured phase of a run (warm-up excluded). Histograms hold microseconds.
 *
 * @param intendedRate        requests per second the plan asked for
 * @param achievedRate        requests actually sent per second during the measured phase
 * @param saturated           the generator itself fell behind its schedule, so the numbers understate the
 *                            load the service saw; never set because the service was slow
 * @param saturationReason    why {@code saturated} is set; empty when it is not
 * @param cpuMicrosPerRequest CPU the generator's event-loop thread spent per sent request
 * @param sent                measured requests sent ({@code completed + errors + rejected} once drained)
 * @param completed           responses 2xx, 3xx and 4xx other than 429
 * @param errors              other 5xx, timeouts, connection failures, requests abandoned at the end
 * @param rejected            429 and 503: the service shed load
 * @param connectionCapReached some measured request had to wait for a pooled connection
 * @param corrected           response end − intended start, every outcome
 * @param uncorrected         response end − moment the request got a connection (what a closed-loop tool
 *                            reports)
 * @param correctedByEndpoint {@code corrected}, split by {@link RequestSpec#endpoint()}
 * @param perSecond           the measured phase, interval by interval
 * @param schedulerLag        actual send − intended start of measured requests that found a free
 *                            connection: the generator's own timing error, which the saturation rule
 *                            judges
 * @param phases              the plan's phases, each with its own saturation check and latency by
 *                            {@link ResponseClass}; one for a plain plan
 * @param perSecondByClass    {@code perSecond}'s intervals, responses split by {@link ResponseClass}
 */
public record LoadResult(double intendedRate, double achievedRate, boolean saturated, String saturationReason,
        double cpuMicrosPerRequest, long sent, long completed, long errors, long rejected,
        boolean connectionCapReached, Histogram corrected, Histogram uncorrected,
        Map<String, Histogram> correctedByEndpoint, List<IntervalStats> perSecond, Histogram schedulerLag,
        List<PhaseResult> phases, List<ClassedSecond> perSecondByClass) {
}
