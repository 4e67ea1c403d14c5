package dev.queuescope.perf.analysis;

import java.util.List;

/**
 * external-calls: time in calls to other services. The shop records no such calls yet (the payments
 * module brings them), so without {@code queuescope.ExternalCall} events it is not observed.
 */
final class ExternalCallsRule implements QueueRule {

    @Override
    public Queue queue() {
        return Queue.EXTERNAL_CALLS;
    }

    @Override
    public List<String> requires() {
        return List.of("queuescope.ExternalCall");
    }

    @Override
    public boolean observed(Ledger ledger) {
        return ledger.capture.has("queuescope.ExternalCall");
    }

    @Override
    public QueueEntry evaluate(Ledger ledger) {
        return ledger.requestEntry(queue(), true, true, null, null, List.of());
    }
}
