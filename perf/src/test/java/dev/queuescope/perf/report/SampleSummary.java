package dev.queuescope.perf.report;

import dev.queuescope.perf.run.Environment;
import java.util.List;
import java.util.Map;

/** A summary of a plausible run, for tests of what is made from one. */
public final class SampleSummary {

    private SampleSummary() {
    }

    public static Summary missedObjective() {
        return new Summary(
                new Summary.Run("20261126-120000-mixed", "mixed", List.of(), 200, 30, 5, "POISSON", 25,
                        "http://127.0.0.1:1", new Environment("abc123", "JDK 25", "CPU", 2, "Linux",
                                List.of("-Xmx512m"), "none")),
                new Summary.Generator(200, 199.5, false, "", 21.5, "none", 64, false),
                new Summary.Latency(1.5, 3, 40, 80, 120), new Summary.Latency(1.4, 2.5, 6, 9, 20),
                new Summary.Throughput(199, 0.001, 0, 6000, 5994, 6, 0),
                Map.of("product-by-id", new Summary.Endpoint(4200, 1.2, 30)), false,
                new Summary.Artifacts("shop.jfr", "report.html", "latency.hlog", "metrics.jsonl", "shop.log",
                        new Summary.Flamegraphs("flamegraph-cpu.html", null, null, null)),
                new Summary.SelfCheck(0L, null));
    }
}
