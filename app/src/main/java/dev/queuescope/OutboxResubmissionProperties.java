package dev.queuescope;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code queuescope.outbox.resubmit.*}: how failed event publications are resubmitted while the shop
 * runs (see {@link OutboxResubmission}); defaults documented in application.yml.
 */
@ConfigurationProperties("queuescope.outbox.resubmit")
record OutboxResubmissionProperties(@DefaultValue("15s") Duration interval, @DefaultValue("10s") Duration minAge,
        @DefaultValue("100") int batchSize) {
}
