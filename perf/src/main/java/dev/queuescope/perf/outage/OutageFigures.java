package dev.queuescope.perf.outage;

import dev.queuescope.perf.load.PhaseResult;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The figures by which a provider outage run is judged, from its phases and the breaker's sampled state. The
 * baseline is the first phase. Catalog reads and order placements are the scenario's requests that
 * {@link OutageEndpoints} names. Latencies are corrected (from intended start), of every response whatever its
 * class, milliseconds; a request counts in the phase of its intended start.
 *
 * @param catalogP99BaselineMs p99 of the catalog reads of the baseline phase
 * @param catalogP99OutageMs   p99 of the catalog reads of the outage phase
 * @param catalogP99Ratio      {@code catalogP99OutageMs} ÷ {@code catalogP99BaselineMs}
 * @param catalogP99AfterMs    p99 of the catalog reads of the phases after the outage phase, together (where the
 *                             backlog of charges is paid); null when no phase follows
 * @param ordersDuringOutage   order placements of the outage phase answered 2xx: orders taken while the provider
 *                             was down
 * @param breakerOpenSeconds   samples (one a second) from the outage phase's start on in which the payment
 *                             provider's breaker was open: about the seconds it was open
 */
public record OutageFigures(double catalogP99BaselineMs, double catalogP99OutageMs, double catalogP99Ratio,
        @Nullable Double catalogP99AfterMs, long ordersDuringOutage, int breakerOpenSeconds) {

    /**
     * @param outagePhase index of the outage phase, after the baseline
     * @param breakerOpen the breaker's open-state gauge (1 open, 0 not) sampled from the outage phase's start to
     *                    the end of the load, oldest first
     */
    public static OutageFigures of(List<PhaseResult> phases, int outagePhase, OutageEndpoints endpoints,
            List<Double> breakerOpen) {
        if (outagePhase < 1 || outagePhase >= phases.size()) {
            throw new IllegalArgumentException("the outage phase follows the baseline: phase " + outagePhase
                    + " of " + phases.size());
        }
        Histogram baseline = reads(phases.subList(0, 1), endpoints.reads());
        if (baseline.getTotalCount() == 0) {
            throw new IllegalArgumentException("no catalog read was answered in the baseline phase, so there is "
                    + "nothing to compare the outage with");
        }
        double baselineP99 = p99(baseline);
        double outageP99 = p99(reads(phases.subList(outagePhase, outagePhase + 1), endpoints.reads()));
        Histogram after = reads(phases.subList(outagePhase + 1, phases.size()), endpoints.reads());
        long orders = endpoints.orders().stream().map(phases.get(outagePhase).byEndpoint()::get)
                .filter(classes -> classes != null).mapToLong(classes -> classes.success().getTotalCount()).sum();
        int open = (int) breakerOpen.stream().filter(state -> state >= 1).count();
        return new OutageFigures(baselineP99, outageP99, outageP99 / baselineP99,
                after.getTotalCount() == 0 ? null : p99(after), orders, open);
    }

    public boolean breakerOpened() {
        return breakerOpenSeconds > 0;
    }

    private static Histogram reads(List<PhaseResult> phases, Set<String> reads) {
        Histogram all = new Histogram(3);
        for (PhaseResult phase : phases) {
            phase.byEndpoint().forEach((endpoint, classes) -> {
                if (reads.contains(endpoint)) {
                    all.add(classes.all());
                }
            });
        }
        return all;
    }

    private static double p99(Histogram histogram) {
        return histogram.getValueAtPercentile(99) / 1000.0;
    }
}
