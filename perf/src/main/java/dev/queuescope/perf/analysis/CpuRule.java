package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.CpuLoad;
import dev.queuescope.perf.analysis.Capture.StackSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * cpu: the request thread's own CPU time (service) and, while the machine was busy, the time a
 * runnable thread waited for a core (wait; see {@link Attribution}). Evidence: machine load and the
 * application frames most often on CPU in request threads.
 */
final class CpuRule implements QueueRule {

    @Override
    public Queue queue() {
        return Queue.CPU;
    }

    @Override
    public List<String> requires() {
        return List.of("queuescope.HttpRequest with cpuTime", "jdk.CPULoad");
    }

    @Override
    public boolean observed(Ledger ledger) {
        return ledger.capture.has("jdk.CPULoad") && ledger.byLatency.stream().anyMatch(a -> a.request.cpuNanos() >= 0);
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        List<String> evidence = new ArrayList<>();
        Capture capture = ledger.capture;
        evidence.add(String.format(Locale.ROOT, "machine CPU %.0f %% on average, %.0f %% at most (JVM %.0f %%)",
                100 * capture.meanMachineCpu(),
                100 * capture.cpuLoad().stream().mapToDouble(CpuLoad::machineTotal).max().orElse(0),
                100 * capture.meanJvmCpu()));
        evidence.addAll(hotFrames(ledger));
        return ledger.requestEntry(queue(), true, true, null, null, evidence);
    }

    /** The innermost frames on CPU in threads while they served a request. */
    private static List<String> hotFrames(Ledger ledger) {
        Map<String, Long> byFrame = new HashMap<>();
        List<StackSample> serving = ledger.samplesServingRequests();
        serving.forEach(sample -> byFrame.merge(sample.frames().getFirst(), 1L, Long::sum));
        long all = serving.size();
        return Ledger.top(byFrame, 3).stream().map(e -> String.format(Locale.ROOT,
                "hot frame: %s (%.0f %% of %d samples of requests being served)", e.getKey(), 100.0 * e.getValue() / all, all))
                .toList();
    }
}
