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
                new Summary.SelfCheck(0L, null, List.of()));
    }

    /** An overload run: it shed (fast 503s), kept goodput and recovered. */
    public static Summary overloaded() {
        Summary plain = missedObjective();
        Summary.Overload overload = new Summary.Overload(0.93, 186, 200, 2.1,
                new Summary.RejectTimes(12_720, 1.7, 0.4), 12.5, 2, false, List.of(), "overload",
                new Summary.KneeUsed(200, 200, false, "sweep 20261126-110000-sweep-mixed"), List.of(
                        new Summary.Phase("baseline", 100, 0, 20, 100, 100, 0, 0, 12.5, 12.5, null, 0.4, false, ""),
                        new Summary.Phase("overload", 400, 20, 60, 399, 186, 212, 1, 30, 45.0, 2.1, 1.2, false, ""),
                        new Summary.Phase("recovery", 100, 80, 30, 100, 100, 0, 0, 14, 14.0, null, 0.4, false, "")),
                new Summary.Goals(true, true, true, true));
        return new Summary(plain.run(), plain.generator(), plain.latencyMs(), plain.latencyMsUncorrected(),
                plain.throughput(), plain.endpoints(), plain.objectiveMet(), plain.artifacts(), plain.selfCheck(),
                overload, null);
    }

    /** A provider outage run: the breaker opened, every order got paid, but catalog reads slowed past the goal. */
    public static Summary providerOutage() {
        Summary plain = missedObjective();
        Summary.Outage outage = new Summary.Outage(10, "outage", 12.5, 25.0, 2.0, 13.0, 42, true, 11, 0,
                new Summary.KneeUsed(170, 170, true, "option"), List.of(
                        new Summary.Phase("baseline", 85, 0, 20, 85, 85, 0, 0, 12.5, 12.5, null, 0.4, false, ""),
                        new Summary.Phase("outage", 85, 20, 10, 85, 85, 0, 0, 25, 25.0, null, 0.4, false, ""),
                        new Summary.Phase("after", 85, 30, 40, 85, 85, 0, 0, 13, 13.0, null, 0.4, false, "")),
                new Summary.OutageGoals(false, true, true));
        return new Summary(plain.run(), plain.generator(), plain.latencyMs(), plain.latencyMsUncorrected(),
                plain.throughput(), plain.endpoints(), plain.objectiveMet(), plain.artifacts(), plain.selfCheck(),
                null, outage);
    }
}
