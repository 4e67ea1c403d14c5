package dev.queuescope.perf.outage;

import dev.queuescope.perf.load.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Takes the payment provider down when the load reaches the outage phase: at the phase's first progress
 * report, which comes at its start. A control that fails fails the run: without the outage its figures would
 * judge a healthy provider.
 */
public final class OutageTrigger implements Consumer<Progress> {

    private final ProviderControl control;
    private final int phase;
    private final int seconds;
    /** Only the thread running the load reports progress. */
    private boolean done;

    /**
     * @param phase   index of the outage phase in the plan
     * @param seconds how long the provider stays down
     */
    public OutageTrigger(ProviderControl control, int phase, int seconds) {
        this.control = control;
        this.phase = phase;
        this.seconds = seconds;
    }

    @Override
    public void accept(Progress progress) {
        if (done || progress.phase() != phase) {
            return;
        }
        done = true;
        try {
            control.outage(seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the payment provider down", e);
        }
    }
}
