package dev.queuescope.perf.load;

import io.vertx.core.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives open-loop HTTP load without coordinated omission: requests go out at their intended times
 * whatever the service does, and latency is measured from the intended time (see docs/adr/0004).
 *
 * <p>{@link #run} blocks the calling thread, which only sleeps, reports progress and takes interval
 * snapshots; all sending and receiving happens on one Vert.x event loop owned by this generator.
 * One run per instance.
 */
public final class OpenLoopGenerator implements AutoCloseable {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** Time for the client's own timeouts to fire after the request timeout before a request is abandoned. */
    private static final long DRAIN_GRACE = SECOND;
    private static final long DRAIN_POLL = TimeUnit.MILLISECONDS.toNanos(10);

    private final LoadPlan plan;
    private final RequestSource source;
    private final Path hlog;
    private final LoadClient client;
    private boolean ran;

    /**
     * @param hlog where to write the corrected latency interval log, or {@code null} for none
     */
    public OpenLoopGenerator(LoadPlan plan, RequestSource source, Path hlog) {
        this.plan = plan;
        this.source = source;
        this.hlog = hlog;
        this.client = new LoadClient(plan.target(), plan.maxConnections());
    }

    /** Runs the warm-up and the measured phase, then waits (bounded) for outstanding responses. */
    public LoadResult run(Consumer<Progress> progress) throws InterruptedException {
        if (ran) {
            throw new IllegalStateException("a generator runs once");
        }
        ran = true;
        ArrivalSchedule schedule = ArrivalSchedule.of(plan);
        Recording recording = new Recording(schedule.phases());
        ProgressTracker tracker = new ProgressTracker(recording, schedule);
        long base = System.nanoTime();
        long baseEpochMillis = System.currentTimeMillis();
        Context context = client.vertx.getOrCreateContext();
        SendLoop loop = new SendLoop(client.vertx, client.http, schedule, source, recording, plan, base,
                baseEpochMillis * 1_000);
        ThreadCpu cpu = new ThreadCpu(await(loop.start(context)));
        long warmupEnd = schedule.warmupNanos();
        long end = schedule.endNanos();
        long measuredStartEpochMillis = baseEpochMillis + TimeUnit.NANOSECONDS.toMillis(warmupEnd);
        try (IntervalLog log = openLog(measuredStartEpochMillis)) {
            for (long at = SECOND; at < warmupEnd; at += SECOND) {
                sleepUntil(base + at);
                failIfSendingFailed(loop);
                progress.accept(tracker.warmingUp(at));
            }
            sleepUntil(base + warmupEnd);
            IntervalCollector collector = new IntervalCollector(recording, log, measuredStartEpochMillis);
            long cpuStart = cpu.nanos();
            long[] cpuAtPhaseEnd = new long[schedule.phases()];
            int phase = 0;
            for (long at = Math.min(warmupEnd + SECOND, end); ; at = Math.min(at + SECOND, end)) {
                sleepUntil(base + at);
                failIfSendingFailed(loop);
                collector.harvest();
                // Phases last whole seconds, so their ends fall on these ticks.
                while (phase < cpuAtPhaseEnd.length && at >= schedule.phaseEndNanos(phase)) {
                    cpuAtPhaseEnd[phase++] = cpu.nanos();
                }
                progress.accept(tracker.measuring(at, collector.corrected()));
                if (at == end) {
                    break;
                }
            }
            long cpuEnd = cpu.nanos();
            long unsent = await(loop.finished());
            drain(loop, collector, base + end);
            return result(recording, collector, cpuStart, cpuEnd, unsent,
                    phases(schedule, recording, cpuStart, cpuAtPhaseEnd, unsent));
        } finally {
            loop.cancel();
        }
    }

    /** Waits for outstanding responses, still one interval a second, up to the request timeout. */
    private void drain(SendLoop loop, IntervalCollector collector, long sendingEnded) throws InterruptedException {
        long deadline = sendingEnded + plan.requestTimeout().toNanos() + DRAIN_GRACE;
        long nextInterval = sendingEnded + SECOND;
        while (loop.inFlight() > 0 && System.nanoTime() < deadline) {
            sleepUntil(Math.min(System.nanoTime() + DRAIN_POLL, deadline));
            if (System.nanoTime() >= nextInterval) {
                collector.harvest();
                nextInterval += SECOND;
            }
        }
        collector.harvest();
    }

    /** Each phase judged on its own: its scheduler lag, the generator's CPU in it, and (the last) what went unsent. */
    private List<PhaseResult> phases(ArrivalSchedule schedule, Recording recording, long cpuStart,
            long[] cpuAtPhaseEnd, long unsent) {
        List<PhaseResult> phases = new ArrayList<>();
        long cpuBefore = cpuStart;
        for (int i = 0; i < schedule.phases(); i++) {
            RatePhase phase = plan.phases().get(i);
            long nanos = phase.duration().toNanos();
            boolean cpuKnown = cpuBefore >= 0 && cpuAtPhaseEnd[i] >= 0;
            double busy = cpuKnown ? (cpuAtPhaseEnd[i] - cpuBefore) / (double) nanos : Double.NaN;
            cpuBefore = cpuAtPhaseEnd[i];
            boolean last = i == schedule.phases() - 1;
            Histogram lag = recording.schedulerLagByPhase[i].getIntervalHistogram();
            Saturation saturation = Saturation.judge(lag, busy, last ? unsent : 0);
            Recorder[] byClass = recording.correctedByPhaseAndClass[i];
            phases.add(new PhaseResult(phase.name(), phase.ratePerSecond(),
                    (schedule.phaseStartNanos(i) - schedule.warmupNanos()) / 1e9, nanos / 1e9,
                    recording.sentByPhase[i].get(), saturation.saturated(), saturation.reason(),
                    byClass[ResponseClass.SUCCESS.ordinal()].getIntervalHistogram(),
                    byClass[ResponseClass.REFUSED.ordinal()].getIntervalHistogram(),
                    byClass[ResponseClass.OTHER.ordinal()].getIntervalHistogram(),
                    byEndpoint(recording.correctedByPhaseEndpointAndClass.get(i)), lag));
        }
        return phases;
    }

    private static Map<String, PhaseResult.Classes> byEndpoint(Map<String, Recorder[]> recorders) {
        Map<String, PhaseResult.Classes> byEndpoint = new TreeMap<>();
        recorders.forEach((endpoint, byClass) -> byEndpoint.put(endpoint, new PhaseResult.Classes(
                byClass[ResponseClass.SUCCESS.ordinal()].getIntervalHistogram(),
                byClass[ResponseClass.REFUSED.ordinal()].getIntervalHistogram(),
                byClass[ResponseClass.OTHER.ordinal()].getIntervalHistogram())));
        return byEndpoint;
    }

    private LoadResult result(Recording recording, IntervalCollector collector, long cpuStart, long cpuEnd,
            long unsent, List<PhaseResult> phases) {
        double seconds = plan.duration().toNanos() / 1e9;
        long sent = recording.sent.get();
        long completed = recording.completed.get();
        long rejected = recording.rejected.get();
        // Requests still outstanding after the drain deadline never got an answer: errors.
        long errors = sent - completed - rejected;
        boolean cpuKnown = cpuStart >= 0 && cpuEnd >= 0;
        double busy = cpuKnown ? (cpuEnd - cpuStart) / (double) plan.duration().toNanos() : Double.NaN;
        double cpuMicrosPerRequest = cpuKnown && sent > 0 ? (cpuEnd - cpuStart) / 1_000.0 / sent : Double.NaN;
        Histogram lag = recording.schedulerLag.getIntervalHistogram();
        Saturation saturation = Saturation.judge(lag, busy, unsent);
        boolean saturated = saturation.saturated();
        StringBuilder reason = new StringBuilder(saturation.reason());
        if (phases.size() > 1) {
            // A generator honest on average can still have fallen behind in the fastest phase.
            for (PhaseResult phase : phases) {
                if (phase.saturated()) {
                    saturated = true;
                    reason.append(reason.isEmpty() ? "" : "; ").append("phase ").append(phase.name()).append(": ")
                            .append(phase.saturationReason());
                }
            }
        }
        double intendedRate = plan.phases().stream()
                .mapToDouble(p -> p.ratePerSecond() * p.duration().toNanos()).sum() / plan.duration().toNanos();
        return new LoadResult(intendedRate, sent / seconds, saturated, reason.toString(),
                cpuMicrosPerRequest, sent, completed, errors, rejected, recording.connectionCapReached(),
                collector.corrected(), collector.uncorrected(), collector.correctedByEndpoint(),
                collector.perSecond(), lag, phases, collector.perSecondByClass());
    }

    private IntervalLog openLog(long measuredStartEpochMillis) {
        if (hlog == null) {
            return null;
        }
        try {
            return IntervalLog.open(hlog, plan.runId(), measuredStartEpochMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hlog, e);
        }
    }

    /** Surfaces an exception from the send loop (e.g. the RequestSource threw) within a second. */
    private static void failIfSendingFailed(SendLoop loop) throws InterruptedException {
        if (loop.finished().isCompletedExceptionally()) {
            await(loop.finished());
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long remaining = nanoTime - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Closes the connections and the event loop; waits up to 5 s for each. */
    @Override
    public void close() {
        client.close();
    }
}
