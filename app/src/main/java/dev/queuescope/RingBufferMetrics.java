package dev.queuescope;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;
import org.springframework.stereotype.Component;

/**
 * The asynchronous loggers' ring buffer is a queue: its remaining capacity is exported as
 * {@code log4j2.ringbuffer.remaining} (and its size as {@code log4j2.ringbuffer.size}). Nothing is
 * registered when logging is not all-asynchronous.
 */
@Component
class RingBufferMetrics implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!(LogManager.getContext(false) instanceof AsyncLoggerContext context)) {
            return;
        }
        RingBufferAdmin ringBuffer = context.createRingBufferAdmin();
        // Strong references: nothing else holds the admin object, and a weakly held one reads NaN after a GC.
        Gauge.builder("log4j2.ringbuffer.remaining", ringBuffer, RingBufferAdmin::getRemainingCapacity)
                .description("Free slots in the async loggers' ring buffer; 0 means logging calls block")
                .strongReference(true)
                .register(registry);
        Gauge.builder("log4j2.ringbuffer.size", ringBuffer, RingBufferAdmin::getBufferSize)
                .description("Slots in the async loggers' ring buffer")
                .strongReference(true)
                .register(registry);
    }
}
