package dev.queuescope.perf.report;

import dev.queuescope.perf.load.LoadPlan;
import dev.queuescope.perf.load.LoadResult;
import dev.queuescope.perf.load.PhaseResult;
import dev.queuescope.perf.outage.OutageEndpoints;
import dev.queuescope.perf.outage.OutageFigures;
import dev.queuescope.perf.overload.CrashCheck;
import dev.queuescope.perf.overload.Knee;
import dev.queuescope.perf.overload.OverloadFigures;
import dev.queuescope.perf.overload.RefusalTimes;
import dev.queuescope.perf.run.Environment;
import dev.queuescope.perf.run.MetricsSampler;
import dev.queuescope.perf.run.RunDirectory;
import dev.queuescope.perf.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/** Turns what the generator measured into {@code summary.json}'s shape. Histograms hold microseconds. */
public final class SummaryFactory {

    private SummaryFactory() {
    }

    /** @param overload, outage a phased run's section, at most one of them */
    public static Summary create(RunDirectory run, Scenario scenario, LoadPlan plan, LoadResult result,
            Environment environment, @Nullable String jfr, Map<String, String> flameGraphs,
            Summary.SelfCheck selfCheck, Summary.@Nullable Overload overload, Summary.@Nullable Outage outage) {
        double seconds = plan.duration().toMillis() / 1000.0;
        long total = Math.max(1, result.sent());
        Map<String, Summary.Endpoint> endpoints = new LinkedHashMap<>();
        result.correctedByEndpoint().forEach((name, h) -> endpoints.put(name,
                new Summary.Endpoint(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)))));
        Summary.Latency corrected = latency(result.corrected());
        return new Summary(
                new Summary.Run(run.id(), scenario.name(), List.of(), plan.ratePerSecond(), seconds,
                        plan.warmup().toMillis() / 1000.0, plan.arrivals().name(), scenario.objective().p99Ms(),
                        plan.target().toString(), environment),
                new Summary.Generator(result.intendedRate(), result.achievedRate(), result.saturated(),
                        result.saturationReason(), result.cpuMicrosPerRequest(), environment.pinning(),
                        plan.maxConnections(), result.connectionCapReached()),
                corrected, latency(result.uncorrected()),
                new Summary.Throughput(result.completed() / seconds, result.errors() / (double) total,
                        result.rejected() / (double) total, result.sent(), result.completed(), result.errors(),
                        result.rejected()),
                endpoints,
                corrected.p99() <= scenario.objective().p99Ms() && !result.saturated(),
                new Summary.Artifacts(jfr, "report.html", "latency.hlog", "metrics.jsonl", "shop.log",
                        new Summary.Flamegraphs(flameGraphs.get("cpu"), flameGraphs.get("wall"),
                                flameGraphs.get("alloc"), flameGraphs.get("lock"))),
                selfCheck, overload, outage);
    }

    /**
     * {@code summary.overload} of a phased run.
     *
     * @param shopJfr the shop's recording, for where the refusals' time went (absent: not told)
     */
    public static Summary.Overload overload(LoadResult result, Knee knee, CrashCheck crash, Path shopJfr)
            throws IOException {
        OverloadFigures figures = OverloadFigures.of(result.phases(), result.perSecond(), knee);
        Optional<RefusalTimes> refusalTimes = refusalTimes(result, figures.overloadPhase(), shopJfr);
        Double reject = figures.rejectP99Ms();
        Integer recovery = figures.recoverySeconds();
        return new Summary.Overload(figures.goodputRatio(), figures.goodputPerSecond(), figures.maxThroughput(), reject,
                refusalTimes.map(t -> new Summary.RejectTimes(t.refusals(), t.beforeShopP99Ms(), t.inShopP99Ms()))
                        .orElse(null), figures.baselineP99Ms(), recovery, crash.crashed(), crash.evidence(),
                result.phases().get(figures.overloadPhase()).name(), kneeUsed(knee), phases(result),
                new Summary.Goals(figures.goodputRatio() >= GOODPUT_GOAL,
                        reject == null || reject <= figures.baselineP99Ms(), !crash.crashed(),
                        recovery != null && recovery <= RECOVERY_GOAL_SECONDS));
    }

    /**
     * {@code summary.outage} of a run whose phase {@code outagePhase} took the payment provider down.
     *
     * @param metrics        the run's samples ({@code metrics.jsonl}); the breaker's state is read from those taken
     *                       from the outage phase's start to the end of the load
     * @param unsettledAtEnd orders still unpaid at the end ({@link dev.queuescope.perf.outage.UnsettledOrders});
     *                       null when unknown
     */
    public static Summary.Outage outage(LoadResult result, Knee knee, int outagePhase, int seconds,
            OutageEndpoints endpoints, List<Map<String, Double>> metrics, @Nullable Integer unsettledAtEnd) {
        PhaseResult phase = result.phases().get(outagePhase);
        long measuredStart = result.perSecond().getFirst().startEpochMillis();
        double from = measuredStart + phase.startSecond() * 1000;
        double to = measuredStart + result.perSecond().size() * 1000.0;
        List<Double> breakerOpen = metrics.stream()
                .filter(row -> row.containsKey("t") && row.get("t") >= from && row.get("t") < to)
                .map(row -> row.getOrDefault(MetricsSampler.BREAKER_OPEN, 0.0)).toList();
        OutageFigures figures = OutageFigures.of(result.phases(), outagePhase, endpoints, breakerOpen);
        return new Summary.Outage(seconds, phase.name(), figures.catalogP99BaselineMs(), figures.catalogP99OutageMs(),
                figures.catalogP99Ratio(), figures.catalogP99AfterMs(), figures.ordersDuringOutage(),
                figures.breakerOpened(), figures.breakerOpenSeconds(), unsettledAtEnd, kneeUsed(knee), phases(result),
                new Summary.OutageGoals(figures.catalogP99Ratio() <= CATALOG_P99_RATIO_GOAL, figures.breakerOpened(),
                        figures.ordersDuringOutage() > 0 && unsettledAtEnd != null && unsettledAtEnd == 0));
    }

    /**
     * "Catalog reads keep their p99 close to the baseline's": within 1.5 ×, the allowance overload's recovery
     * makes too ({@link OverloadFigures#RECOVERED_FACTOR}). A phase's p99 rests on its slowest 1 %, eight or so
     * of the reads of a 10 s phase at 85 req/s, and on this shared 2-core machine such tails move a lot between
     * healthy runs (docs/perf-guide.md, "Comparing runs": a p99 that halved was within noise); reads that
     * waited behind the provider calls would show multiples, not tenths.
     */
    static final double CATALOG_P99_RATIO_GOAL = 1.5;

    /** Each phase of a phased run; requests belong to the phase of their intended start. */
    private static List<Summary.Phase> phases(LoadResult result) {
        return result.phases().stream().map(p -> {
            Histogram all = p.all();
            return new Summary.Phase(p.name(), p.intendedRate(), p.startSecond(), p.seconds(), p.sent() / p.seconds(),
                    p.success().getTotalCount() / p.seconds(), p.refused().getTotalCount() / p.seconds(),
                    p.other().getTotalCount() / p.seconds(), ms(all.getValueAtPercentile(99)), p99(p.success()),
                    p99(p.refused()), p99(p.schedulerLag()), p.saturated(), p.saturationReason());
        }).toList();
    }

    private static Summary.KneeUsed kneeUsed(Knee knee) {
        return new Summary.KneeUsed(knee.rate(), knee.maxThroughput(), knee.maxThroughputLowerBound(), knee.source());
    }

    /** The refusals intended in the overload phase, as the shop recorded them. */
    private static Optional<RefusalTimes> refusalTimes(LoadResult result, int overloadPhase, Path shopJfr)
            throws IOException {
        if (result.perSecond().isEmpty()) {
            return Optional.empty();
        }
        PhaseResult phase = result.phases().get(overloadPhase);
        Instant measuredStart = Instant.ofEpochMilli(result.perSecond().getFirst().startEpochMillis());
        Instant from = measuredStart.plusMillis(Math.round(phase.startSecond() * 1000));
        return RefusalTimes.read(shopJfr, from, from.plusMillis(Math.round(phase.seconds() * 1000)));
    }

    /** Goodput at least this share of the maximum throughput. */
    static final double GOODPUT_GOAL = 0.9;
    /** "Back to the baseline within a few seconds." */
    static final int RECOVERY_GOAL_SECONDS = 5;

    private static @Nullable Double p99(Histogram h) {
        return h.getTotalCount() == 0 ? null : ms(h.getValueAtPercentile(99));
    }

    private static Summary.Latency latency(Histogram h) {
        return new Summary.Latency(ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
