package dev.queuescope.perf.sweep;

import java.io.IOException;
import java.nio.file.Path;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * What a run's {@code latency.hlog} says about its measured phase. The log has one interval a second
 * of the responses that ended in it (corrected latency, µs), from the start of the measured phase
 * and on through the drain of outstanding requests after it.
 *
 * @param fromEpochMillis start of the measured phase
 * @param toEpochMillis   its end: start + the run's duration
 * @param responsesWithin responses (every outcome) that ended within the measured phase
 * @param meanMs          mean corrected latency of all the measured requests, drained ones included
 */
record MeasuredPhase(long fromEpochMillis, long toEpochMillis, long responsesWithin, double meanMs) {

    /** Intervals are a second long and harvested on time to a few ms: half a second tells them apart. */
    private static final long SLACK_MILLIS = 500;

    static MeasuredPhase read(Path hlog, double durationSeconds) throws IOException {
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        try {
            Histogram all = null;
            long from = -1;
            long to = -1;
            long within = 0;
            EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null) {
                Histogram h = (Histogram) interval;
                if (all == null) {
                    from = h.getStartTimeStamp();
                    to = from + Math.round(durationSeconds * 1000);
                    all = new Histogram(h.getNumberOfSignificantValueDigits()); // auto-resizing: any interval fits
                }
                all.add(h);
                if (h.getStartTimeStamp() < to - SLACK_MILLIS) {
                    within += h.getTotalCount();
                }
            }
            if (all == null) {
                throw new IOException("No intervals in " + hlog + ": nothing was measured");
            }
            return new MeasuredPhase(from, to, within, all.getMean() / 1000);
        } finally {
            reader.close();
        }
    }
}
