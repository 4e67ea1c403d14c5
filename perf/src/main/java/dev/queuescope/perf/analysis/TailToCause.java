package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.Capture.StackSample;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the slowest requests' time went, queue by queue, beside the median requests': ms per
 * request in each cohort, the part no queue explains, the frames on CPU in their threads while they
 * were served, and those samples by application module (or package, for code outside every module).
 */
public record TailToCause(Cohort median, Cohort tail) {

    /**
     * @param beforeServerMs from intended start until a server thread began it (generator, network, accept, queue)
     * @param samplesByModule share of the cohort's CPU samples by the module (or package) they worked for
     */
    public record Cohort(int requests, double latencyMs, double beforeServerMs, Map<String, Double> msByQueue,
            double unaccountedMs, List<String> hotFrames, Map<String, Double> samplesByModule) {
    }

    static TailToCause of(Ledger ledger) {
        return new TailToCause(cohort(ledger.median(), ledger.capture), cohort(ledger.tail(), ledger.capture));
    }

    private static Cohort cohort(List<RequestAccount> cohort, Capture capture) {
        Map<String, Double> byQueue = new LinkedHashMap<>();
        for (Queue queue : Queue.values()) {
            if (queue.kind() == Queue.Kind.REQUEST) {
                byQueue.put(queue.label(), cohort.stream().mapToLong(a -> a.at(queue)).average().orElse(0) / 1e6);
            }
        }
        List<StackSample> samples = samplesOf(cohort, capture);
        return new Cohort(cohort.size(), cohort.stream().mapToLong(RequestAccount::latency).average().orElse(0) / 1e6,
                cohort.stream().mapToLong(a -> a.request.startNanos() - a.request.intendedNanos()).average().orElse(0) / 1e6,
                byQueue, cohort.stream().mapToLong(RequestAccount::unaccounted).average().orElse(0) / 1e6,
                hotFrames(samples), byModule(samples, capture.modules()));
    }

    /** The execution samples taken on the cohort's threads while they served its requests. */
    private static List<StackSample> samplesOf(List<RequestAccount> cohort, Capture capture) {
        Map<Long, List<RequestAccount>> byThread = Attribution.byThread(cohort);
        return capture.stackSamples().stream()
                .filter(sample -> Attribution.covering(byThread.get(sample.threadId()), sample.timeNanos()) != null).toList();
    }

    private static List<String> hotFrames(List<StackSample> samples) {
        Map<String, Long> byFrame = new HashMap<>();
        samples.forEach(sample -> byFrame.merge(sample.frames().getFirst(), 1L, Long::sum));
        return byFrame.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> String.format(Locale.ROOT, "%s (%d of %d samples)", e.getKey(), e.getValue(), samples.size()))
                .toList();
    }

    private static Map<String, Double> byModule(List<StackSample> samples, ModuleMap modules) {
        Map<String, Long> counts = new HashMap<>();
        samples.forEach(sample -> counts.merge(modules.ownerOf(sample.frames()), 1L, Long::sum));
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> shares.put(e.getKey(), e.getValue() / (double) samples.size()));
        return shares;
    }
}
