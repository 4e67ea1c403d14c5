package dev.queuescope.perf.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Takes the measured phase's interval snapshots from a {@link Recording} (once a second, on the thread
 * running the load) and adds them up: per-second stats, the .hlog, and the whole-run histograms.
 */
final class IntervalCollector {

    private final Recording recording;
    private final IntervalLog log;
    private final Histogram corrected = Recording.newHistogram();
    private final Histogram uncorrected = Recording.newHistogram();
    private final List<IntervalStats> perSecond = new ArrayList<>();
    private final List<ClassedSecond> perSecondByClass = new ArrayList<>();
    private final Histogram[] classInterval = new Histogram[ResponseClass.values().length];
    private Histogram correctedInterval;
    private Histogram uncorrectedInterval;
    /**
     * Start of the current interval. The recorders exist from the run's start but only measured
     * requests reach them, so the first interval starts with the measured phase and loses nothing.
     */
    private long intervalStart;
    private long sent;
    private long completed;
    private long errors;
    private long rejected;

    /**
     * @param log                      where intervals are also written, or {@code null} for no .hlog
     * @param measuredStartEpochMillis when the measured phase started: the first interval's start
     */
    IntervalCollector(Recording recording, IntervalLog log, long measuredStartEpochMillis) {
        this.recording = recording;
        this.log = log;
        this.intervalStart = measuredStartEpochMillis;
    }

    /** Closes the current interval and starts the next one. */
    void harvest() {
        correctedInterval = recording.corrected.getIntervalHistogram(correctedInterval);
        uncorrectedInterval = recording.uncorrected.getIntervalHistogram(uncorrectedInterval);
        correctedInterval.setStartTimeStamp(intervalStart);
        intervalStart = correctedInterval.getEndTimeStamp();
        corrected.add(correctedInterval);
        uncorrected.add(uncorrectedInterval);
        if (log != null) {
            log.write(correctedInterval);
        }
        IntervalStats stats = new IntervalStats(correctedInterval.getStartTimeStamp(),
                recording.sent.get() - sent, recording.completed.get() - completed,
                recording.errors.get() - errors, recording.rejected.get() - rejected,
                millis(correctedInterval, 50), millis(correctedInterval, 99), correctedInterval.getMaxValue() / 1_000.0,
                millis(uncorrectedInterval, 99));
        sent += stats.sent();
        completed += stats.completed();
        errors += stats.errors();
        rejected += stats.rejected();
        perSecond.add(stats);
        for (int i = 0; i < classInterval.length; i++) {
            classInterval[i] = recording.correctedByClass[i].getIntervalHistogram(classInterval[i]);
        }
        Histogram success = classInterval[ResponseClass.SUCCESS.ordinal()];
        Histogram refused = classInterval[ResponseClass.REFUSED.ordinal()];
        Histogram other = classInterval[ResponseClass.OTHER.ordinal()];
        perSecondByClass.add(new ClassedSecond(stats.startEpochMillis(), success.getTotalCount(),
                refused.getTotalCount(), other.getTotalCount(), millis(success, 99), millis(refused, 99),
                millis(other, 99)));
    }

    List<ClassedSecond> perSecondByClass() {
        return List.copyOf(perSecondByClass);
    }

    Histogram corrected() {
        return corrected;
    }

    Histogram uncorrected() {
        return uncorrected;
    }

    List<IntervalStats> perSecond() {
        return List.copyOf(perSecond);
    }

    /** Snapshot of each endpoint's whole measured phase; call once, at the end. */
    Map<String, Histogram> correctedByEndpoint() {
        Map<String, Histogram> byEndpoint = new TreeMap<>();
        recording.correctedByEndpoint.forEach((endpoint, recorder) ->
                byEndpoint.put(endpoint, recorder.getIntervalHistogram()));
        return byEndpoint;
    }

    static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
