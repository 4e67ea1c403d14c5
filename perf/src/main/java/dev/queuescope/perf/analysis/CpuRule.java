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
 * runnable thread waited for a core (wait; see {@link Attribution}). Evidence: machine load, the frames most
 * often on CPU in request threads, and the shop's own methods those samples were in.
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
        List<StackSample> serving = ledger.samplesServingRequests();
        evidence.addAll(hotFrames(serving));
        evidence.addAll(hotShopMethods(serving, capture.modules()));
        return ledger.requestEntry(queue(), true, true, null, null, evidence);
    }

    /** The innermost frames on CPU in threads while they served a request. */
    private static List<String> hotFrames(List<StackSample> serving) {
        Map<String, Long> byFrame = new HashMap<>();
        serving.forEach(sample -> byFrame.merge(sample.frames().getFirst(), 1L, Long::sum));
        return lines("hot frame: %s (%.0f %% of %d samples of requests being served)", byFrame, 3, serving.size());
    }

    /**
     * The shop's own methods those samples were in — each sample's innermost frame a module owns, with what it calls:
     * a leaf in the JDK ({@code String.compareTo}) does not say whose loop called it, and which frame is the leaf
     * is the JIT's choice from run to run.
     */
    private static List<String> hotShopMethods(List<StackSample> serving, ModuleMap modules) {
        Map<String, Long> byMethod = new HashMap<>();
        for (StackSample sample : serving) {
            String method = modules.innermostOwned(sample.frames());
            if (method != null) {
                byMethod.merge(method, 1L, Long::sum);
            }
        }
        return lines("hot method of the shop: %s (%.0f %% of %d samples, with what it calls)", byMethod, 2,
                serving.size());
    }

    private static List<String> lines(String format, Map<String, Long> counts, int limit, long all) {
        return Ledger.top(counts, limit).stream()
                .map(e -> String.format(Locale.ROOT, format, e.getKey(), 100.0 * e.getValue() / all, all)).toList();
    }
}
