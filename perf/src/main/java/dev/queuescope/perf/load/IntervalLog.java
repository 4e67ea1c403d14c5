package dev.queuescope.perf.load;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The corrected latency of each interval as a standard HdrHistogram interval log (.hlog), readable by
 * {@code HistogramLogReader}, HdrHistogram's log processor and HistogramLogAnalyzer.
 */
final class IntervalLog implements AutoCloseable {

    private final HistogramLogWriter writer;

    private IntervalLog(HistogramLogWriter writer) {
        this.writer = writer;
    }

    static IntervalLog open(Path file, String runId, long startEpochMillis) throws FileNotFoundException {
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        writer.outputComment("queuescope run " + runId + ": corrected latency (response end - intended start)"
                + ", values in microseconds, measured phase only");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startEpochMillis);
        writer.setBaseTime(startEpochMillis);
        writer.outputBaseTime(startEpochMillis);
        writer.outputLegend();
        return new IntervalLog(writer);
    }

    /** The interval's start and end come from the histogram's time stamps, set by the Recorder. */
    void write(Histogram interval) {
        writer.outputIntervalHistogram(interval);
    }

    @Override
    public void close() {
        writer.close();
    }
}
