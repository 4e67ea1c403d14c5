package dev.queuescope;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exports the outbox's backlog, the Spring Modulith publications not yet completed, as the gauge
 * {@code queuescope.outbox.incomplete}. A single daemon thread counts them once a second while the
 * context runs; the gauge only reads the last sample, so neither a scrape nor a request ever runs
 * the query, and the database sees at most one count per second. NaN until the first sample and
 * after a failed one (a stale number would hide an outage).
 */
@Component
class OutboxIncompleteMetrics implements MeterBinder, SmartLifecycle {

    private static final Logger log = LogManager.getLogger(OutboxIncompleteMetrics.class);
    private static final String COUNT_INCOMPLETE =
            "select count(*) from event_publication where completion_date is null";

    private final JdbcTemplate jdbc;
    private volatile double incomplete = Double.NaN;
    private ScheduledExecutorService sampler;

    OutboxIncompleteMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("queuescope.outbox.incomplete", this, metrics -> metrics.incomplete)
                .description("Event publications not completed yet (sampled once a second)")
                .register(registry);
    }

    @Override
    public synchronized void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("outbox-metrics").factory());
        sampler.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        sampler.shutdownNow();
        sampler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return sampler != null;
    }

    private void sample() {
        try {
            Long count = jdbc.queryForObject(COUNT_INCOMPLETE, Long.class);
            incomplete = count == null ? Double.NaN : count;
        } catch (DataAccessException e) {
            incomplete = Double.NaN;
            log.debug("Could not count incomplete event publications", e);
        }
    }
}
