package dev.queuescope.perf.load;

import java.time.Duration;

/**
 * What a run looks like so far, reported about once per second.
 *
 * @param elapsed      since the run (warm-up included) started
 * @param warmingUp    whether the run is still in the warm-up ramp, whose requests count for nothing
 * @param offeredRate  the rate the schedule asks for right now (ramping during warm-up)
 * @param achievedRate requests actually sent per second over the last reporting interval
 * @param p99MsSoFar   corrected p99 of the current phase so far (warm-up, then measured), milliseconds
 * @param sent         requests sent since the run started, warm-up included
 * @param errors       errors since the run started, warm-up included
 * @param phase        index of the plan's phase the schedule is in at {@code elapsed}, −1 in the warm-up.
 *                     Reports in the measured phase fall on its whole seconds, and phases last whole seconds,
 *                     so a phase's first report comes at its start: what acts on a phase's start listens here
 */
public record Progress(Duration elapsed, boolean warmingUp, double offeredRate, double achievedRate,
        double p99MsSoFar, long sent, long errors, int phase) {
}
