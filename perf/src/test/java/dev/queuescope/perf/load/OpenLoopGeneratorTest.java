package dev.queuescope.perf.load;

import static dev.queuescope.perf.load.Plans.GET_ROOT;
import static dev.queuescope.perf.load.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The generator against real loopback servers. Each test is bounded by its plan and a timeout. */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class OpenLoopGeneratorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * The classic coordinated-omission scenario: a service that answers instantly except for a 1 s
     * freeze in the middle of the run, at 1 000 req/s with 16 connections.
     *
     * <p>During the freeze the 16 connections each carry one held request; every later arrival waits in
     * the client's connection pool (the cap is what makes this realistic: a closed-loop tool with 16
     * users would likewise have only 16 requests outstanding). When the freeze lifts, the ~1 000 queued
     * requests go out and are answered at once.
     *
     * <p>Uncorrected latency starts when a request gets its connection, as a closed-loop tool measures
     * it: only the 16 held requests are slow, 0.16 % of 10 000, so the uncorrected p99 stays small and
     * hides the freeze. Corrected latency starts at the intended time: the ~1 000 requests due during
     * the freeze waited between 0 and 1 s, 10 % of the run, so the corrected p99 is hundreds of
     * milliseconds while the p50 stays small. The sends kept their schedule throughout, so the
     * generator is not saturated.
     */
    @Test
    void noCoordinatedOmission() throws Exception {
        long start = System.nanoTime();
        long freezeStart = start + TimeUnit.SECONDS.toNanos(6);
        long freezeEnd = freezeStart + TimeUnit.SECONDS.toNanos(1);
        try (TestServer server = TestServer.start(vertx -> request -> {
                    long now = System.nanoTime();
                    if (now >= freezeStart && now < freezeEnd) {
                        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(freezeEnd - now)),
                                id -> request.response().end("ok"));
                    } else {
                        request.response().end("ok");
                    }
                });
                OpenLoopGenerator generator = new OpenLoopGenerator(
                        plan(server.uri(), 1_000, Duration.ofSeconds(2), Duration.ofSeconds(10), 16, TIMEOUT),
                        GET_ROOT, null)) {
            LoadResult result = generator.run(progress -> { });
            report("noCoordinatedOmission", result);

            assertThat(result.sent()).isBetween(9_800L, 10_200L);
            assertThat(result.completed()).isEqualTo(result.sent());
            assertThat(result.corrected().getValueAtPercentile(50) / 1_000.0).isLessThan(20);
            assertThat(result.corrected().getValueAtPercentile(99) / 1_000.0).isGreaterThan(200);
            assertThat(result.uncorrected().getValueAtPercentile(99) / 1_000.0).isLessThan(50);
            assertThat(result.connectionCapReached()).isTrue();
            assertThat(result.saturated()).as(result.saturationReason()).isFalse();
        }
    }

    @Test
    void askingForMoreThanTheGeneratorCanSendIsReportedAsSaturated() throws Exception {
        try (TestServer server = TestServer.instant();
                OpenLoopGenerator generator = new OpenLoopGenerator(
                        plan(server.uri(), 20_000_000, Duration.ZERO, Duration.ofSeconds(3), 64,
                                Duration.ofSeconds(2)),
                        GET_ROOT, null)) {
            LoadResult result = generator.run(progress -> { });
            report("askingForMoreThanTheGeneratorCanSendIsReportedAsSaturated", result);

            assertThat(result.saturated()).isTrue();
            assertThat(result.saturationReason()).isNotEmpty();
            // 20 million a second: on a quiet evening it sent 311 000 req/s of the 2 000 000 once asked here.
            assertThat(result.achievedRate()).isLessThan(result.intendedRate() / 10);
        }
    }

    /** 200 req/s × 200 ms = 40 requests in flight, well within 100 connections: latency, not saturation. */
    @Test
    void aSlowServerIsLatencyNotSaturation() throws Exception {
        try (TestServer server = TestServer.start(vertx -> request ->
                        vertx.setTimer(200, id -> request.response().end("slow")));
                OpenLoopGenerator generator = new OpenLoopGenerator(
                        plan(server.uri(), 200, Duration.ofSeconds(1), Duration.ofSeconds(4), 100, TIMEOUT),
                        GET_ROOT, null)) {
            LoadResult result = generator.run(progress -> { });
            report("aSlowServerIsLatencyNotSaturation", result);

            assertThat(result.saturated()).as(result.saturationReason()).isFalse();
            assertThat(result.saturationReason()).isEmpty();
            assertThat(result.sent()).isEqualTo(800);
            assertThat(result.corrected().getValueAtPercentile(50) / 1_000.0).isGreaterThanOrEqualTo(200);
            assertThat(result.connectionCapReached()).isFalse();
        }
    }

    /** The intended start is the schedule's time (every 20 ms at 50 req/s), not the moment of sending. */
    @Test
    void intendedStartAndRunHeadersAreSent() throws Exception {
        Queue<MultiMap> received = new ConcurrentLinkedQueue<>();
        long before = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        try (TestServer server = TestServer.start(vertx -> request -> {
                    received.add(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
                    request.response().end("ok");
                });
                OpenLoopGenerator generator = new OpenLoopGenerator(
                        plan(server.uri(), 50, Duration.ZERO, Duration.ofSeconds(1), 4, TIMEOUT), GET_ROOT, null)) {
            LoadResult result = generator.run(progress -> { });
            long after = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());

            assertThat(received).hasSize(50).hasSize((int) result.sent());
            assertThat(received).allSatisfy(headers -> {
                assertThat(headers.get("X-Queuescope-Run")).isEqualTo("test-run");
                assertThat(headers.get("X-Request-Id")).matches("test-run-\\d+");
                assertThat(Long.parseLong(headers.get("X-Queuescope-Intended-Start"))).isBetween(before, after);
            });
            assertThat(new HashSet<>(received.stream().map(h -> h.get("X-Request-Id")).toList())).hasSize(50);
            List<Long> starts = new ArrayList<>(received.stream()
                    .map(h -> Long.parseLong(h.get("X-Queuescope-Intended-Start"))).sorted().toList());
            for (int i = 1; i < starts.size(); i++) {
                assertThat(starts.get(i) - starts.get(i - 1)).isCloseTo(20_000L, within(1L));
            }
        }
    }

    @Test
    void theIntervalLogAddsUpToTheMeasuredRequests(@TempDir Path dir) throws Exception {
        Path hlog = dir.resolve("latency.hlog");
        try (TestServer server = TestServer.instant();
                OpenLoopGenerator generator = new OpenLoopGenerator(
                        plan(server.uri(), 300, Duration.ofSeconds(1), Duration.ofSeconds(2), 16, TIMEOUT),
                        GET_ROOT, hlog)) {
            LoadResult result = generator.run(progress -> { });

            long logged = 0;
            int intervals = 0;
            try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
                for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null;
                        h = reader.nextIntervalHistogram()) {
                    logged += ((org.HdrHistogram.Histogram) h).getTotalCount();
                    intervals++;
                }
            }
            assertThat(Files.readString(hlog)).contains("#[StartTime: ", "#[BaseTime: ");
            assertThat(result.sent()).isEqualTo(600);
            assertThat(logged).isEqualTo(result.corrected().getTotalCount()).isEqualTo(result.sent());
            assertThat(intervals).isEqualTo(result.perSecond().size()).isGreaterThanOrEqualTo(2);
            assertThat(result.perSecond().stream().mapToLong(IntervalStats::sent).sum()).isEqualTo(600);
            assertThat(result.perSecond().stream().mapToLong(IntervalStats::completed).sum()).isEqualTo(600);
            assertThat(result.correctedByEndpoint()).containsOnlyKeys("GET /");
            assertThat(result.correctedByEndpoint().get("GET /").getTotalCount()).isEqualTo(600);
        }
    }

    /**
     * Two phases (2 s, then 1 s, at 100 req/s, constant arrivals, after 2 s of warm-up) alternating an endpoint answered 200 with one
     * answered 503: each phase's responses split by endpoint and class, and each progress report names the phase
     * the schedule is in, the second's first report coming at its start.
     */
    @Test
    void aPhasedRunSplitsEachPhaseByEndpointAndReportsWhichPhaseItIsIn() throws Exception {
        AtomicLong requests = new AtomicLong();
        RequestSource alternating = () -> requests.getAndIncrement() % 2 == 0
                ? new RequestSpec("ok", HttpMethod.GET, "/ok", Map.of(), null)
                : new RequestSpec("shed", HttpMethod.GET, "/shed", Map.of(), null);
        Queue<Progress> reports = new ConcurrentLinkedQueue<>();
        try (TestServer server = TestServer.start(vertx -> request ->
                        request.response().setStatusCode(request.path().equals("/ok") ? 200 : 503).end());
                OpenLoopGenerator generator = new OpenLoopGenerator(LoadPlan.phased(server.uri(), List.of(
                        new RatePhase("first", 100, Duration.ofSeconds(2)),
                        new RatePhase("second", 100, Duration.ofSeconds(1))), Duration.ofSeconds(2),
                        ArrivalProcess.CONSTANT, 16, TIMEOUT, "test-run", 42), alternating, null)) {
            LoadResult result = generator.run(reports::add);

            assertThat(result.phases()).extracting(PhaseResult::name).containsExactly("first", "second");
            for (PhaseResult phase : result.phases()) {
                assertThat(phase.byEndpoint()).containsOnlyKeys("ok", "shed");
                PhaseResult.Classes ok = phase.byEndpoint().get("ok");
                PhaseResult.Classes shed = phase.byEndpoint().get("shed");
                assertThat(ok.success().getTotalCount()).isEqualTo(phase.success().getTotalCount()).isPositive();
                assertThat(shed.refused().getTotalCount()).isEqualTo(phase.refused().getTotalCount()).isPositive();
                assertThat(ok.refused().getTotalCount() + ok.other().getTotalCount() + shed.success().getTotalCount()
                        + shed.other().getTotalCount()).isZero();
                assertThat(ok.all().getTotalCount() + shed.all().getTotalCount()).isEqualTo(phase.sent());
                assertThat(phase.schedulerLag().getTotalCount()).isPositive().isLessThanOrEqualTo(phase.sent());
            }
            assertThat(result.phases().get(0).sent()).isEqualTo(200);
            assertThat(reports).filteredOn(Progress::warmingUp).extracting(Progress::phase).containsOnly(-1);
            assertThat(reports).filteredOn(p -> !p.warmingUp()).extracting(Progress::elapsed, Progress::phase)
                    .containsExactly(tuple(Duration.ofSeconds(3), 0), tuple(Duration.ofSeconds(4), 1),
                            tuple(Duration.ofSeconds(5), 1));
        }
    }

    @Test
    void aFailingRequestSourceFailsTheRunInsteadOfHangingIt() throws Exception {
        RequestSource failing = () -> {
            throw new IllegalArgumentException("no such endpoint");
        };
        try (TestServer server = TestServer.instant();
                OpenLoopGenerator generator = new OpenLoopGenerator(
                        plan(server.uri(), 100, Duration.ZERO, Duration.ofSeconds(30), 4, TIMEOUT), failing, null)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> generator.run(progress -> { }))
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage("no such endpoint");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    /** Measured numbers go to the test's output file (target/surefire-reports), for docs/adr/0004. */
    private static void report(String test, LoadResult r) {
        System.out.printf("%s: intended %.0f/s achieved %.0f/s sent %d completed %d errors %d rejected %d "
                        + "cpu %.1f us/request p50 %.1f ms p99 %.1f ms uncorrected p99 %.1f ms cap %s "
                        + "lag p50 %.2f p90 %.2f p99 %.2f max %.2f ms saturated %s (%s)%n",
                test, r.intendedRate(), r.achievedRate(), r.sent(), r.completed(), r.errors(), r.rejected(),
                r.cpuMicrosPerRequest(), r.corrected().getValueAtPercentile(50) / 1e3,
                r.corrected().getValueAtPercentile(99) / 1e3, r.uncorrected().getValueAtPercentile(99) / 1e3,
                r.connectionCapReached(), r.schedulerLag().getValueAtPercentile(50) / 1e3,
                r.schedulerLag().getValueAtPercentile(90) / 1e3, r.schedulerLag().getValueAtPercentile(99) / 1e3,
                r.schedulerLag().getMaxValue() / 1e3, r.saturated(), r.saturationReason());
    }
}
