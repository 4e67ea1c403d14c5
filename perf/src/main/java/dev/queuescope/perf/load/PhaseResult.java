package dev.queuescope.perf.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One phase of the measured phase. A request belongs to the phase its intended start falls in, wherever
 * its response ends; histograms hold corrected microseconds.
 *
 * @param name             the {@link RatePhase}'s name
 * @param intendedRate     the rate the phase asked for, req/s
 * @param startSecond      seconds from the start of the measured phase to the phase's start
 * @param seconds          the phase's length
 * @param sent             requests sent that were intended in the phase
 * @param saturated        the generator fell behind its schedule in this phase
 * @param saturationReason why; empty when it did not
 * @param success          2xx
 * @param refused          429 and 503
 * @param other            everything else, timeouts and failures included
 * @param byEndpoint       the same three classes per {@link RequestSpec#endpoint()}
 * @param schedulerLag     actual send − intended start of the phase's requests that found a free connection:
 *                         how late the generator itself was, which every latency of the phase includes
 */
public record PhaseResult(String name, double intendedRate, double startSecond, double seconds, long sent,
        boolean saturated, String saturationReason, Histogram success, Histogram refused, Histogram other,
        Map<String, Classes> byEndpoint, Histogram schedulerLag) {

    /** One endpoint's responses in the phase, by {@link ResponseClass}. */
    public record Classes(Histogram success, Histogram refused, Histogram other) {

        public Histogram all() {
            Histogram all = Recording.newHistogram();
            all.add(success);
            all.add(refused);
            all.add(other);
            return all;
        }
    }

    /** All responses of the phase, whatever their class. */
    public Histogram all() {
        return new Classes(success, refused, other).all();
    }
}
