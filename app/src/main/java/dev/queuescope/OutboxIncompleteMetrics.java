package dev.queuescope;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Exports the outbox's backlog, the Spring Modulith publications not yet completed, as the gauge
 * {@code queuescope.outbox.incomplete}. Spring's scheduler counts them once a second while the
 * context runs; the gauge only reads the last sample, so neither a scrape nor a request ever runs
 * the query, and the database sees at most one count per second. NaN until the first sample and
 * after a failed one (a stale number would hide an outage).
 */
@Component
class OutboxIncompleteMetrics implements MeterBinder {

    private static final Logger log = LogManager.getLogger(OutboxIncompleteMetrics.class);
    private static final String COUNT_INCOMPLETE =
            "select count(*) from event_publication where completion_date is null";

    private final JdbcTemplate jdbc;
    private volatile double incomplete = Double.NaN;

    OutboxIncompleteMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("queuescope.outbox.incomplete", this, metrics -> metrics.incomplete)
                .description("Event publications not completed yet (sampled once a second)")
                .register(registry);
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
    void sample() {
        try {
            Long count = jdbc.queryForObject(COUNT_INCOMPLETE, Long.class);
            incomplete = count == null ? Double.NaN : count;
        } catch (DataAccessException e) {
            incomplete = Double.NaN;
            log.debug("Could not count incomplete event publications", e);
        }
    }
}
