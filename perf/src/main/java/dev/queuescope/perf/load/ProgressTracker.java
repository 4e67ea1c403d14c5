package dev.queuescope.perf.load;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/** Builds the once-a-second {@link Progress} reports; used only by the thread running the load. */
final class ProgressTracker {

    private final Recording recording;
    private final ArrivalSchedule schedule;
    private final Histogram warmup = Recording.newHistogram();
    private long lastSent;
    private long lastNanos;

    ProgressTracker(Recording recording, ArrivalSchedule schedule) {
        this.recording = recording;
        this.schedule = schedule;
    }

    Progress warmingUp(long elapsedNanos) {
        warmup.add(recording.warmup.getIntervalHistogram());
        return report(elapsedNanos, true, IntervalCollector.millis(warmup, 99));
    }

    Progress measuring(long elapsedNanos, Histogram correctedSoFar) {
        return report(elapsedNanos, false, IntervalCollector.millis(correctedSoFar, 99));
    }

    private Progress report(long elapsedNanos, boolean warmingUp, double p99Ms) {
        long sent = recording.sentIncludingWarmup.get();
        double seconds = (elapsedNanos - lastNanos) / 1e9;
        double achieved = seconds > 0 ? (sent - lastSent) / seconds : 0;
        lastSent = sent;
        lastNanos = elapsedNanos;
        return new Progress(Duration.ofNanos(elapsedNanos), warmingUp, schedule.rateAt(elapsedNanos), achieved,
                p99Ms, sent, recording.errorsIncludingWarmup.get(), schedule.phaseOf(elapsedNanos));
    }
}
