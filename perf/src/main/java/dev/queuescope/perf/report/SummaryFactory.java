package dev.queuescope.perf.report;

import dev.queuescope.perf.load.LoadPlan;
import dev.queuescope.perf.load.LoadResult;
import dev.queuescope.perf.load.PhaseResult;
import dev.queuescope.perf.overload.CrashCheck;
import dev.queuescope.perf.overload.Knee;
import dev.queuescope.perf.overload.OverloadFigures;
import dev.queuescope.perf.overload.RefusalTimes;
import dev.queuescope.perf.run.Environment;
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

    public static Summary create(RunDirectory run, Scenario scenario, LoadPlan plan, LoadResult result,
            Environment environment, @Nullable String jfr, Map<String, String> flameGraphs,
            @Nullable Long jfrDroppedBytes) {
        return create(run, scenario, plan, result, environment, jfr, flameGraphs, jfrDroppedBytes, null);
    }

    public static Summary create(RunDirectory run, Scenario scenario, LoadPlan plan, LoadResult result,
            Environment environment, @Nullable String jfr, Map<String, String> flameGraphs,
            @Nullable Long jfrDroppedBytes, Summary.@Nullable Overload overload) {
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
                new Summary.SelfCheck(jfrDroppedBytes, null), overload);
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
        List<Summary.Phase> phases = result.phases().stream().map(p -> {
            Histogram all = p.all();
            return new Summary.Phase(p.name(), p.intendedRate(), p.startSecond(), p.seconds(), p.sent() / p.seconds(),
                    p.success().getTotalCount() / p.seconds(), p.refused().getTotalCount() / p.seconds(),
                    p.other().getTotalCount() / p.seconds(), ms(all.getValueAtPercentile(99)), p99(p.success()),
                    p99(p.refused()), p.saturated(), p.saturationReason());
        }).toList();
        Double reject = figures.rejectP99Ms();
        Integer recovery = figures.recoverySeconds();
        return new Summary.Overload(figures.goodputRatio(), figures.goodputPerSecond(), figures.maxThroughput(), reject,
                refusalTimes.map(t -> new Summary.RejectTimes(t.refusals(), t.beforeShopP99Ms(), t.inShopP99Ms()))
                        .orElse(null), figures.baselineP99Ms(), recovery, crash.crashed(), crash.evidence(),
                result.phases().get(figures.overloadPhase()).name(),
                new Summary.KneeUsed(knee.rate(), knee.maxThroughput(), knee.maxThroughputLowerBound(), knee.source()),
                phases,
                new Summary.Goals(figures.goodputRatio() >= GOODPUT_GOAL,
                        reject == null || reject <= figures.baselineP99Ms(), !crash.crashed(),
                        recovery != null && recovery <= RECOVERY_GOAL_SECONDS));
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
