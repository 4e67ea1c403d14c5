package dev.queuescope.perf.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsSamplerTests {

    @Test
    void wantedSeriesAreSummedOverTheirLabelsAndOthersAndGapsIgnored() {
        String prometheus = """
                # HELP hikaricp_connections_pending Pending threads
                # TYPE hikaricp_connections_pending gauge
                hikaricp_connections_pending{pool="shop"} 3.0
                hikaricp_connections_pending{pool="other"} 1.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause"} 0.25
                jvm_gc_pause_seconds_sum{action="end of major GC",cause="System.gc()"} 0.5
                log4j2_ringbuffer_remaining 262144.0
                some_other_metric 99.0
                queuescope_outbox_incomplete NaN
                """;

        assertThat(MetricsSampler.parse(prometheus)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "hikaricp_connections_pending", 4.0, "jvm_gc_pause_seconds_sum", 0.75,
                "log4j2_ringbuffer_remaining", 262144.0));
    }

    /** As the shop exports it (resilience4j 2.4, Micrometer's Prometheus registry). */
    @Test
    void thePaymentProvidersBreakerIsOpenOnlyWhenItsOpenStateGaugeSaysSo() {
        String closed = """
                resilience4j_circuitbreaker_state{application="queuescope",name="payment-provider",state="closed"} 1.0
                resilience4j_circuitbreaker_state{application="queuescope",name="payment-provider",state="half_open"} 0.0
                resilience4j_circuitbreaker_state{application="queuescope",name="payment-provider",state="open"} 0.0
                resilience4j_circuitbreaker_state{application="queuescope",name="other",state="open"} 1.0
                """;
        String open = """
                resilience4j_circuitbreaker_state{application="queuescope",name="payment-provider",state="closed"} 0.0
                resilience4j_circuitbreaker_state{application="queuescope",name="payment-provider",state="open"} 1.0
                resilience4j_circuitbreaker_state{application="queuescope",name="other",state="open"} 0.0
                """;

        assertThat(MetricsSampler.parse(closed)).containsExactlyEntriesOf(Map.of(MetricsSampler.BREAKER_OPEN, 0.0));
        assertThat(MetricsSampler.parse(open)).containsExactlyEntriesOf(Map.of(MetricsSampler.BREAKER_OPEN, 1.0));
        assertThat(MetricsSampler.parse("resilience4j_circuitbreaker_state 1.0\n")).isEmpty();
    }
}
