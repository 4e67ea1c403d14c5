package dev.queuescope.perf.bench;

import org.jspecify.annotations.Nullable;

/**
 * One side of one repeat of a measure.
 *
 * @param maxPerSecond requests (or rows) per second at the bench's concurrency
 * @param p99Ms        p99 at half of that maximum, from intended start; null for the bulk measures
 */
record Side(double maxPerSecond, @Nullable Double p99Ms) {

    static Side bulk(double rowsPerSecond) {
        return new Side(rowsPerSecond, null);
    }
}
