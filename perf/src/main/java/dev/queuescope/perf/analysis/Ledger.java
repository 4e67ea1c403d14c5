package dev.queuescope.perf.analysis;

import dev.queuescope.perf.analysis.QueueEntry.LittlesLaw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The requests of a run with their time split by queue ({@link Attribution}), and the measures every
 * rule shares: cohorts, shares, per-second trends, Little's law.
 *
 * <p>A share is taken over a cohort of requests ordered by latency (intended start to the server's
 * answer): the median cohort is the 40th to 60th percentile, the tail cohort the 99th and above.
 */
final class Ledger {

    final Capture capture;
    final LedgerSettings settings;
    final List<RequestAccount> byLatency;
    private final Map<Long, List<RequestAccount>> byThread;

    Ledger(Capture capture, LedgerSettings settings) {
        this.capture = capture;
        this.settings = settings;
        this.byLatency = Attribution.of(capture, settings).stream()
                .sorted(Comparator.comparingLong(RequestAccount::latency)).toList();
        this.byThread = Attribution.byThread(byLatency);
    }

    /** Whether the thread was serving one of the run's requests at that moment. */
    boolean duringRequest(long threadId, long atNanos) {
        return Attribution.covering(byThread.get(threadId), atNanos) != null;
    }

    /** The execution samples taken on a thread while it served one of the run's requests. */
    List<Capture.StackSample> samplesServingRequests() {
        return capture.stackSamples().stream()
                .filter(sample -> duringRequest(sample.threadId(), sample.timeNanos())).toList();
    }

    List<RequestAccount> median() {
        int size = byLatency.size();
        return byLatency.subList((int) (size * 0.4), Math.max((int) (size * 0.6), Math.min(1, size)));
    }

    List<RequestAccount> tail() {
        return tailOf(byLatency);
    }

    /** The slowest 1 % (at least one request) of accounts sorted by latency. */
    private static List<RequestAccount> tailOf(List<RequestAccount> sorted) {
        int size = sorted.size();
        return sorted.subList(Math.max(0, Math.min((int) (size * 0.99), size - 1)), size);
    }

    /** Each route's own p99 cohort, by what it waited for; routes in order of their p99, slowest first. */
    List<RouteTail> routeTails() {
        Map<String, List<RequestAccount>> byRoute = new LinkedHashMap<>();
        byLatency.forEach(a -> byRoute.computeIfAbsent(a.request.route(), r -> new ArrayList<>()).add(a));
        List<RouteTail> tails = new ArrayList<>();
        byRoute.forEach((route, accounts) -> {
            List<RequestAccount> tail = tailOf(accounts);
            Map<String, Double> shares = new LinkedHashMap<>();
            Arrays.stream(Queue.values()).map(q -> Map.entry(q.label(), share(tail, a -> a.at(q))))
                    .filter(e -> e.getValue() >= ROUTE_SHARE_SHOWN)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> shares.put(e.getKey(), e.getValue()));
            Map.Entry<String, Double> top = shares.entrySet().stream().findFirst().orElse(Map.entry("none", 0.0));
            tails.add(new RouteTail(route, accounts.size(), tail.getFirst().latency() / 1e6, top.getKey(),
                    top.getValue(), shares));
        });
        tails.sort(Comparator.comparingDouble(RouteTail::p99Ms).reversed());
        return tails;
    }

    /** Below this share of a route's tail a queue is not listed for it. */
    static final double ROUTE_SHARE_SHOWN = 0.01;

    double meanMs(ToLongFunction<RequestAccount> nanos) {
        return byLatency.stream().mapToLong(nanos).average().orElse(0) / 1e6;
    }

    /** Fraction of the cohort's latency spent at the queue (capped at 1: clocks and overlaps differ slightly). */
    static double share(List<RequestAccount> cohort, ToLongFunction<RequestAccount> atQueue) {
        long total = cohort.stream().mapToLong(RequestAccount::latency).sum();
        long at = cohort.stream().mapToLong(atQueue).sum();
        return total <= 0 ? 0 : Math.min(1.0, at / (double) total);
    }

    /** The standard entry of a request queue; rules add depth, Little's law and evidence. */
    QueueEntry requestEntry(Queue queue, boolean hasWait, boolean hasService, @Nullable Double maxDepth,
            @Nullable LittlesLaw littlesLaw, List<String> evidence) {
        double share99 = share(tail(), a -> a.at(queue));
        List<String> lines = new ArrayList<>();
        Boolean growing = hasWait ? growing(a -> a.wait(queue)) : null;
        if (Boolean.TRUE.equals(growing)) {
            lines.add(growthLine(a -> a.wait(queue)));
        }
        lines.addAll(evidence);
        return new QueueEntry(queue.label(), true, QueueEntry.kind(queue), share99,
                hasWait ? meanMs(a -> a.wait(queue)) : null, hasService ? meanMs(a -> a.service(queue)) : null,
                share(median(), a -> a.at(queue)), share99, hasWait ? share(tail(), a -> a.wait(queue)) : null,
                maxDepth, growing, littlesLaw, null, lines);
    }

    /** Mean of the per-request nanos by second of intended start, in ms (seconds without requests left out). */
    List<Double> perSecondMs(ToLongFunction<RequestAccount> nanos) {
        int seconds = Math.max(1, (int) Math.ceil(capture.seconds()));
        double[] sum = new double[seconds];
        int[] count = new int[seconds];
        for (RequestAccount account : byLatency) {
            int second = (int) Math.min(seconds - 1, (account.request.intendedNanos() - capture.fromNanos()) / 1_000_000_000L);
            sum[second] += nanos.applyAsLong(account);
            count[second]++;
        }
        List<Double> series = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            if (count[i] > 0) {
                series.add(sum[i] / count[i] / 1e6);
            }
        }
        return series;
    }

    /**
     * A request queue grows when its wait per request rises by the factor and by at least
     * {@code growthMinMs} — and by a share of the objective when there is one: a wait that rose from
     * 0.4 to 1.6 ms a request at 4 req/s against an objective of 50 ms is noise, not a queue building up.
     */
    boolean growing(ToLongFunction<RequestAccount> nanos) {
        double minIncrease = capture.objectiveP99Ms() == null ? settings.growthMinMs()
                : Math.max(settings.growthMinMs(), settings.growthMinShareOfObjective() * capture.objectiveP99Ms());
        return grows(perSecondMs(nanos), settings.growthFactor(), minIncrease);
    }

    String growthLine(ToLongFunction<RequestAccount> nanos) {
        List<Double> series = perSecondMs(nanos);
        return String.format(java.util.Locale.ROOT, "growing: %.2f ms per request in the first third's median second, "
                + "%.2f ms in the last third's", thirdMedian(series, 0), thirdMedian(series, 2));
    }

    /**
     * Last third's median ≥ factor × first third's and at least {@code minIncrease} above it. Medians,
     * so one bad second (a single GC pause) is not a trend; a queue that grows keeps growing.
     */
    static boolean grows(List<Double> series, double factor, double minIncrease) {
        if (series.size() < 3) {
            return false;
        }
        double first = thirdMedian(series, 0);
        double last = thirdMedian(series, 2);
        return last >= factor * first && last - first >= minIncrease;
    }

    /**
     * A backlog's depth grows when no third of the window sits lower than the one before, the last sits
     * higher than the middle (still rising at the end: a step that then held is not growth), and the rise
     * from the first is at least {@code minIncrease} items. Not a ratio, as for waits: a backlog that filled
     * during the warm-up rises by a smaller factor in the window however fast it grows. A pause in the
     * rise counts (a slow listener's backlog held at 20 for a third of a window, then rose to 47).
     */
    static boolean backlogGrows(List<Double> depth, double minIncrease) {
        if (depth.size() < 3) {
            return false;
        }
        double first = thirdMedian(depth, 0);
        double middle = thirdMedian(depth, 1);
        double last = thirdMedian(depth, 2);
        return first <= middle && middle < last && last - first >= minIncrease;
    }

    static double thirdMedian(List<Double> series, int third) {
        int size = series.size() / 3;
        int from = third == 2 ? series.size() - size : third * size;
        List<Double> sorted = series.subList(from, from + size).stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Requests per second the generator completed in the window: Little's λ, independent of the service's events. */
    double lambda() {
        return capture.completedRequests() / capture.seconds();
    }

    LittlesLaw littlesLaw(double sampledL, double waitSeconds) {
        double lambda = lambda();
        double product = lambda * waitSeconds;
        double larger = Math.max(sampledL, product);
        boolean consistent = larger < settings.littleFloor()
                || Math.abs(sampledL - product) <= settings.littleTolerance() * larger;
        return new LittlesLaw(sampledL, lambda, waitSeconds, consistent);
    }

    OptionalDouble metricMean(String series) {
        return capture.metrics().stream().filter(r -> r.containsKey(series)).mapToDouble(r -> r.get(series)).average();
    }

    OptionalDouble metricMax(String series) {
        return capture.metrics().stream().filter(r -> r.containsKey(series)).mapToDouble(r -> r.get(series)).max();
    }

    /**
     * A backlog's entry, from its depth (the service's gauge, one value a second) or, without one,
     * the ages of its items in time order: whether it grows, a score from its rise, its depth and
     * oldest age. {@code itemEvidence} follows the depth's own line.
     */
    QueueEntry backlogEntry(Queue queue, String depthName, List<Double> depth, List<Double> agesMs,
            List<String> itemEvidence) {
        List<Double> series = depth.isEmpty() ? agesMs : depth;
        boolean growing = !depth.isEmpty()
                ? backlogGrows(depth, settings.backlogGrowthMin())
                : grows(agesMs, settings.growthFactor(), settings.growthMinMs());
        List<String> evidence = new ArrayList<>();
        if (!depth.isEmpty()) {
            evidence.add(String.format(Locale.ROOT, "%s: %.0f in the first third, %.0f in the last (medians), "
                    + "%.0f at the end", depthName, thirdMedian(depth, 0), thirdMedian(depth, 2), depth.getLast()));
        }
        evidence.addAll(itemEvidence);
        double first = thirdMedian(series, 0);
        double last = thirdMedian(series, 2);
        double score = growing && last > 0 ? Math.min(1, (last - first) / last) : 0;
        double maxDepth = depth.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double maxAge = agesMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new QueueEntry(queue.label(), true, "backlog", score, null, null, null, null, null, maxDepth,
                growing, null, new QueueEntry.Backlog(depth.isEmpty() ? 0 : depth.getLast(), maxDepth, maxAge, growing),
                evidence);
    }

    List<Double> metricSeries(String series) {
        return capture.metrics().stream().filter(r -> r.containsKey(series)).map(r -> r.get(series)).toList();
    }

    /** The most items inside [start, end) intervals at any moment. */
    static int maxOverlap(List<long[]> intervals) {
        List<long[]> edges = new ArrayList<>(intervals.size() * 2);
        for (long[] interval : intervals) {
            edges.add(new long[] {interval[0], 1});
            edges.add(new long[] {interval[1], -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int depth = 0;
        int max = 0;
        for (long[] edge : edges) {
            depth += (int) edge[1];
            max = Math.max(max, depth);
        }
        return max;
    }

    /** The n largest entries of a tally, largest first. */
    static List<Map.Entry<String, Long>> top(Map<String, Long> tally, int n) {
        return tally.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).toList();
    }
}
