package dev.queuescope.perf.analysis;

import java.util.List;

/**
 * Which frames are logging code: the logging frameworks and their bridges, and the loggers that
 * libraries bring (jOOQ's {@code LoggerListener} formats records only to log them). Time a thread
 * spends in them — waiting, writing or computing — is the logging queue's.
 */
final class LoggingCode {

    private static final List<String> PREFIXES = List.of("org.apache.logging.", "com.lmax.disruptor.",
            "org.slf4j.", "org.apache.commons.logging.", "ch.qos.logback.", "org.jooq.tools.LoggerListener",
            "org.jooq.tools.JooqLogger");

    private LoggingCode() {
    }

    /** Whether the class (or a {@code class.method} frame) belongs to logging code. */
    static boolean isLogging(String frame) {
        for (String prefix : PREFIXES) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the stack's frames is logging code. */
    static boolean inLogging(List<String> frames) {
        return frames.stream().anyMatch(LoggingCode::isLogging);
    }
}
