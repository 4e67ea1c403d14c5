package dev.queuescope.perf.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.queuescope.perf.load.PhaseResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** summary.outage's figures from synthetic phases and breaker samples. */
class OutageFiguresTests {

    private static final OutageEndpoints ENDPOINTS = new OutageEndpoints(Set.of("product", "search"), Set.of("order"));

    /**
     * Baseline: product reads at 4 ms, searches at 8 ms. Outage: product reads at 6 ms, searches at 10 ms, and
     * orders slow (900 ms: they are not catalog reads). After: reads back at 4 ms.
     */
    private final List<PhaseResult> phases = List.of(
            phase("baseline", Map.of("product", ok(900, 4), "search", ok(100, 8), "order", ok(50, 20))),
            phase("outage", Map.of("product", ok(900, 6), "search", ok(100, 10),
                    "order", new PhaseResult.Classes(histogram(40, 900), histogram(0, 0), histogram(3, 2000)))),
            phase("after", Map.of("product", ok(1000, 4), "order", ok(50, 20))));

    @Test
    void theCatalogP99IsTheReadsOfEachPhaseTogetherAndTheRatioOutageOverBaseline() {
        OutageFigures figures = OutageFigures.of(phases, 1, ENDPOINTS, List.of());

        assertThat(figures.catalogP99BaselineMs()).isCloseTo(8, within(0.01));
        assertThat(figures.catalogP99OutageMs()).isCloseTo(10, within(0.01));
        assertThat(figures.catalogP99Ratio()).isCloseTo(1.25, within(0.01));
        assertThat(figures.catalogP99AfterMs()).isCloseTo(4, within(0.01));
    }

    @Test
    void slowReadsCountWhateverTheyWereAnswered() {
        List<PhaseResult> timedOut = List.of(phases.get(0), phase("outage", Map.of(
                "product", new PhaseResult.Classes(histogram(900, 6), histogram(0, 0), histogram(100, 5000)))));

        assertThat(OutageFigures.of(timedOut, 1, ENDPOINTS, List.of()).catalogP99OutageMs())
                .isCloseTo(5000, within(5.0));
    }

    @Test
    void ordersDuringTheOutageAreItsOrderPlacementsAnswered2xx() {
        assertThat(OutageFigures.of(phases, 1, ENDPOINTS, List.of()).ordersDuringOutage()).isEqualTo(40);
    }

    @Test
    void theBreakerOpenedWhenAnySampleSawItOpen() {
        OutageFigures closed = OutageFigures.of(phases, 1, ENDPOINTS, List.of(0.0, 0.0, 0.0));
        OutageFigures opened = OutageFigures.of(phases, 1, ENDPOINTS, List.of(0.0, 1.0, 1.0, 1.0, 0.0));

        assertThat(closed.breakerOpened()).isFalse();
        assertThat(opened.breakerOpened()).isTrue();
        assertThat(opened.breakerOpenSeconds()).isEqualTo(3);
    }

    @Test
    void anOutageInTheLastPhaseHasNoAfter() {
        assertThat(OutageFigures.of(phases.subList(0, 2), 1, ENDPOINTS, List.of()).catalogP99AfterMs()).isNull();
    }

    @Test
    void theBaselineIsNeverTheOutageAndMustHaveAnsweredReads() {
        assertThatThrownBy(() -> OutageFigures.of(phases, 0, ENDPOINTS, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        List<PhaseResult> noReads = List.of(phase("baseline", Map.of("order", ok(50, 20))), phases.get(1));
        assertThatThrownBy(() -> OutageFigures.of(noReads, 1, ENDPOINTS, List.of()))
                .hasMessageContaining("no catalog read");
    }

    private static PhaseResult.Classes ok(int count, double ms) {
        return new PhaseResult.Classes(histogram(count, ms), histogram(0, 0), histogram(0, 0));
    }

    /** {@code count} values of {@code ms} milliseconds each. */
    private static Histogram histogram(int count, double ms) {
        Histogram histogram = new Histogram(60_000_000L, 3);
        if (count > 0) {
            histogram.recordValueWithCount((long) (ms * 1000), count);
        }
        return histogram;
    }

    /** A 10 s phase at 100 req/s; its class totals are not what these figures read. */
    private static PhaseResult phase(String name, Map<String, PhaseResult.Classes> byEndpoint) {
        return new PhaseResult(name, 100, 0, 10, 1000, false, "", histogram(0, 0), histogram(0, 0), histogram(0, 0),
                byEndpoint, histogram(0, 0));
    }
}
