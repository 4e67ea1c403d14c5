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
}
