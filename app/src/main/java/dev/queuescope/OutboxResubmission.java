package dev.queuescope;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits failed event publications while the shop runs, not only at restart: every
 * {@code queuescope.outbox.resubmit.interval}, the failed ones at least {@code min-age} old, at most
 * {@code batch-size} in flight. Only publications whose listener <em>failed</em> are resubmitted —
 * never one still being processed (its listener may just be waiting for the payment provider), so a
 * resubmission does not race a delivery in flight. Listeners are idempotent (delivery is
 * at-least-once anyway).
 */
@Component
class OutboxResubmission {

    private static final Logger log = LogManager.getLogger(OutboxResubmission.class);

    private final IncompleteEventPublications publications;
    private final OutboxResubmissionProperties properties;

    OutboxResubmission(IncompleteEventPublications publications, OutboxResubmissionProperties properties) {
        this.publications = publications;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${queuescope.outbox.resubmit.interval:15s}",
            initialDelayString = "${queuescope.outbox.resubmit.interval:15s}")
    void resubmitFailed() {
        try {
            int resubmitted = resubmitFailedOlderThan(properties.minAge());
            if (resubmitted > 0) {
                log.info("Resubmitted {} failed event publications", resubmitted);
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failed run must not stop the schedule.
            log.warn("Could not resubmit failed event publications", e);
        }
    }

    /** Resubmits the failed publications at least {@code minAge} old (up to the batch size); how many. */
    int resubmitFailedOlderThan(Duration minAge) {
        AtomicInteger count = new AtomicInteger();
        publications.resubmitIncompletePublications(ResubmissionOptions.defaults()
                .withMinAge(minAge)
                .withBatchSize(properties.batchSize())
                .withMaxInFlight(properties.batchSize())
                .withFilter(publication -> {
                    count.incrementAndGet();
                    return true;
                }));
        return count.get();
    }
}
