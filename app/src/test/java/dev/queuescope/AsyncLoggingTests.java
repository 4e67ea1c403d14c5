package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Proof at run time, not by reading configuration, that logging is asynchronous: a log call
 * returns while the appender is still blocked, and the appender runs on the Disruptor's thread.
 */
class AsyncLoggingTests {

    /** An appender that blocks until released and records the thread it ran on. */
    static final class BlockingAppender extends AbstractAppender {

        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch appended = new CountDownLatch(1);
        final AtomicReference<String> thread = new AtomicReference<>();
        final AtomicReference<String> requestId = new AtomicReference<>();

        BlockingAppender() {
            super("blocking", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.set(Thread.currentThread().getName());
            requestId.set(event.getContextData().getValue("requestId"));
            appended.countDown();
        }
    }

    private static final String LOGGER = "dev.queuescope.test.async";
    private final BlockingAppender appender = new BlockingAppender();

    @AfterEach
    void removeAppender() {
        appender.release.countDown();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().removeLogger(LOGGER);
        context.updateLoggers();
    }

    @Test
    void theLoggerContextIsTheAsyncOne() {
        assertThat(LogManager.getContext(false)).isInstanceOf(AsyncLoggerContext.class);
    }

    @Test
    void aLogCallReturnsWhileTheAppenderIsBlockedAndTheAppenderRunsOnAnotherThread() throws Exception {
        Logger logger = install();
        ThreadContext.put("requestId", "async-proof");
        long start = System.nanoTime();
        try {
            logger.info("handed to the ring buffer");
        } finally {
            ThreadContext.remove("requestId");
        }
        Duration call = Duration.ofNanos(System.nanoTime() - start);

        assertThat(appender.appended.getCount()).as("appender must still be blocked").isEqualTo(1);
        assertThat(call).isLessThan(Duration.ofSeconds(5));
        appender.release.countDown();
        assertThat(appender.appended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(appender.thread.get()).isNotEqualTo(Thread.currentThread().getName())
                .contains("AsyncLogger");
        assertThat(appender.requestId.get()).isEqualTo("async-proof");
    }

    private Logger install() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        appender.start();
        LoggerConfig config = new LoggerConfig(LOGGER, Level.INFO, false);
        config.addAppender(appender, Level.INFO, null);
        configuration.addLogger(LOGGER, config);
        context.updateLoggers();
        return LogManager.getLogger(LOGGER);
    }
}
