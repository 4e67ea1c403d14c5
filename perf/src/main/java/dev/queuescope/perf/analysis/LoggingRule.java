package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.ThreadWait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * logging: request threads blocked inside logging code — an appender's lock, a full ring buffer
 * (wait) — or writing a log file themselves (service). Depth: the Log4j2 ring buffer's fill.
 */
final class LoggingRule implements QueueRule {

    @Override
    public Queue queue() {
        return Queue.LOGGING;
    }

    @Override
    public List<String> requires() {
        return List.of("jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.FileWrite");
    }

    @Override
    public boolean observed(Ledger ledger) {
        return requires().stream().anyMatch(ledger.capture::has) && !ledger.byLatency.isEmpty();
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        Map<String, Long> byFrame = new HashMap<>();
        for (ThreadWait wait : ledger.capture.threadWaits()) {
            if (wait.logging()) {
                byFrame.merge(wait.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " at " + wait.frame(),
                        wait.nanos(), Long::sum);
            }
        }
        List<String> evidence = new ArrayList<>();
        Ledger.top(byFrame, 2).forEach(e -> evidence.add(String.format(Locale.ROOT,
                "%s, %.1f ms in all threads", e.getKey(), e.getValue() / 1e6)));
        Double depth = null;
        List<Double> remaining = ledger.metricSeries("log4j2_ringbuffer_remaining");
        if (!remaining.isEmpty()) {
            double capacity = remaining.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            depth = capacity - remaining.stream().mapToDouble(Double::doubleValue).min().orElse(capacity);
            evidence.add(String.format(Locale.ROOT, "ring buffer: at most %.0f of %.0f slots in use", depth, capacity));
        }
        return ledger.requestEntry(queue(), true, true, depth, null, evidence);
    }
}
