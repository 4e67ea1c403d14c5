package dev.queuescope.perf.analysis;

import java.util.List;

/**
 * One queue of the vocabulary as a rule, with a contract like a JMC rule's: the captured sources it
 * needs (without them the queue is not observed), its settings ({@link LedgerSettings}), and an
 * entry with a score in 0..1 and the evidence behind it.
 */
interface QueueRule {

    Queue queue();

    /** Captured sources this rule reads: JFR event types and metric series. */
    List<String> requires();

    /** Whether the capture has what this rule needs to say anything. */
    boolean observed(Ledger ledger);

    QueueEntry evaluate(Ledger ledger);

    default QueueEntry entry(Ledger ledger) {
        return observed(ledger) ? evaluate(ledger)
                : QueueEntry.unobserved(queue(), String.join(" or ", requires()));
    }
}
