package dev.queuescope.perf.report;

import dev.queuescope.perf.load.LoadPlan;
import dev.queuescope.perf.load.LoadResult;
import dev.queuescope.perf.run.Environment;
import dev.queuescope.perf.run.RunDirectory;
import dev.queuescope.perf.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/** Turns what the generator measured into {@code summary.json}'s shape. Histograms hold microseconds. */
public final class SummaryFactory {

    private SummaryFactory() {
    }

    public static Summary create(RunDirectory run, Scenario scenario, LoadPlan plan, LoadResult result,
            Environment environment, @Nullable String jfr, Map<String, String> flameGraphs,
            @Nullable Long jfrDroppedBytes) {
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
                new Summary.SelfCheck(jfrDroppedBytes, null));
    }

    private static Summary.Latency latency(Histogram h) {
        return new Summary.Latency(ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
