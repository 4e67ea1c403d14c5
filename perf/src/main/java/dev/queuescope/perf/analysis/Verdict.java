package dev.queuescope.perf.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the queue built up. When the run missed its objective (by more than chance: {@link ObjectiveCheck})
 * or a request queue holding a tenth of the tail grows: the observed request queue with the largest share
 * of the p99 cohort, with its evidence — unless only the objective was missed, a backlog grows and no
 * request queue holds most of the tail, or the one that does is {@code cpu} the requests mostly did not use
 * or mostly ran on rather than waited for, or {@code db-statements} whose statement time was mostly not
 * the requests': then the backlog, whose consumers take the capacity the requests lack. Otherwise, when a
 * backlog grows under the constant load: that backlog. A missed objective that no observed queue accounts
 * for is {@code unexplained}. Otherwise {@code none} — which says nothing about the queues that were not
 * observed, and the verdict lists them.
 *
 * <p>Confidence for a request queue is its p99 share, discounted by how close the runner-up comes
 * ({@code share × share / (share + runner-up share)}); for a backlog, its growth score; for
 * {@code none}, the fraction of the vocabulary that was observed.
 */
public record Verdict(String queue, double confidence, String summary, List<String> evidence) {

    /** Whether the verdict is one of the queues (not {@code none} or {@code unexplained}). */
    public boolean namesAQueue() {
        return !queue.equals("none") && !queue.equals("unexplained");
    }

    static Verdict of(List<QueueEntry> queues, Ledger ledger) {
        Capture capture = ledger.capture;
        LedgerSettings settings = ledger.settings;
        @Nullable ObjectiveCheck objective = capture.objectiveCheck();
        boolean missed = objective != null && objective.missed(settings.missAlpha());
        List<QueueEntry> request = queues.stream().filter(q -> q.observed() && q.kind().equals("request")).toList();
        // A queue that grows while holding almost none of the tail (db-pool at 0.4 % in a slow-listener run)
        // is a trend in noise, not where the time went.
        List<String> growing = request.stream().filter(q -> Boolean.TRUE.equals(q.growing())
                && q.shareOfP99() != null && q.shareOfP99() >= settings.verdictMinShare()).map(QueueEntry::name).toList();
        String objectiveLine = objective == null
                ? String.format(Locale.ROOT, "p99 %.1f ms (no objective stated)", capture.latencyP99Ms())
                : objective.line(settings.missAlpha());
        // A listener waiting for another service leaves its publication incomplete: when the calls'
        // backlog and the outbox both grow, the calls are the cause, so they are named first.
        Optional<QueueEntry> backlog = queues.stream()
                .filter(q -> q.observed() && q.kind().equals("backlog") && Boolean.TRUE.equals(q.growing()))
                .max(Comparator.comparing((QueueEntry q) -> q.name().equals(Queue.EXTERNAL_CALLS.label()))
                        .thenComparingDouble(QueueEntry::score));
        Optional<String> yieldsToBacklog = Optional.empty();
        if (missed || !growing.isEmpty()) {
            List<QueueEntry> ranked = request.stream().filter(q -> q.shareOfP99() != null)
                    .sorted(Comparator.comparingDouble(QueueEntry::shareOfP99).reversed()).toList();
            double top = ranked.isEmpty() ? 0 : ranked.getFirst().shareOfP99();
            if (backlog.isPresent() && top >= settings.overBacklogShare()) {
                yieldsToBacklog = heldElsewhere(ranked.getFirst().name(), ledger, top)
                        .or(() -> mostlyRunning(ranked.getFirst(), settings));
            }
            boolean outranksBacklog = backlog.isEmpty() || !growing.isEmpty()
                    || (top >= settings.overBacklogShare() && yieldsToBacklog.isEmpty());
            if (top >= settings.verdictMinShare() && outranksBacklog) {
                String trigger = objectiveLine + (growing.isEmpty() ? "" : "; growing: " + String.join(", ", growing));
                return requestQueue(ranked, objectiveLine, trigger);
            }
            if (missed && backlog.isEmpty()) {
                return unexplained(queues, ranked, objectiveLine, settings);
            }
        }
        return backlog.isPresent() ? backlog(backlog.get(), objectiveLine, yieldsToBacklog) : none(queues, objectiveLine);
    }

    /**
     * While a backlog grows, the request queue at a shared resource — the cores, the database — is the backlog's
     * doing when the requests were not its main user: its consumers never pause while it grows. The line
     * saying so; empty when the requests were its main user, or the queue is not at a shared resource.
     */
    private static Optional<String> heldElsewhere(String queue, Ledger ledger, double share) {
        return switch (Queue.ofLabel(queue)) {
            case CPU -> cpuHeldElsewhere(ledger, share);
            case DB_STATEMENTS -> statementsHeldElsewhere(ledger.capture, share, ledger.settings);
            default -> Optional.empty();
        };
    }

    /**
     * Service is not a queue: when the requests' part of the tail at {@code cpu} is mostly running on a core
     * (cold or slow code) and their waits for one — the run-queue delay the kernel measured — hold less than
     * {@code overBacklogShare}, the requests were slow rather than queued, while the backlog, a queue, grows
     * without bound. The line saying so; empty for any other queue — a statement's "service" includes
     * PostgreSQL waiting for a core, which its activity samples cannot tell from running — or when the waits
     * hold that much.
     */
    private static Optional<String> mostlyRunning(QueueEntry queue, LedgerSettings settings) {
        Double wait = queue.waitShareOfP99();
        if (!queue.name().equals(Queue.CPU.label()) || wait == null || wait >= settings.overBacklogShare()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the slowest requests spent %.0f %% of their time at %s, "
                + "%.0f %% waiting for one: mostly running, not queued — the backlog is the queue that grows",
                100 * queue.shareOfP99(), queue.name(), 100 * wait));
    }

    /**
     * The requests' statements wait for the same PostgreSQL as everyone's: when they took less than
     * {@code ownStatementsMin} of the shop's statement time, statements outside any request (a listener's,
     * a scheduled job's) held the database they waited for.
     */
    private static Optional<String> statementsHeldElsewhere(Capture capture, double share, LedgerSettings settings) {
        long requests = 0;
        long outside = 0;
        for (Capture.Statement statement : capture.statements()) {
            if (statement.requestId().isEmpty()) {
                outside += statement.durationNanos();
            } else {
                requests += statement.durationNanos();
            }
        }
        long all = requests + outside;
        if (all == 0 || requests >= settings.ownStatementsMin() * all) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the slowest requests spent %.0f %% of their time in "
                + "statements, but the requests' statements were %.0f %% of the shop's %.1f s of statement time: "
                + "statements outside any request held the database — the backlog's consumers run without pause "
                + "while it grows", 100 * share, 100.0 * requests / all, all / 1e9));
    }

    /**
     * The requests' CPU time is theirs and the run queue's, but the cores are everyone's: when the requests
     * used less than {@code ownCpuMin} of the machine's busy CPU, others held the cores the requests waited
     * for — other processes (PostgreSQL running a listener's statements), or the JVM's own threads that
     * serve no request (a listener's, a resubmission's). The requests' part of the JVM's CPU is the share
     * of its execution samples taken on threads while they served a request (the JVM's whole CPU when it
     * recorded none; compiler and GC threads are never sampled, so they count in proportion). The line
     * saying so, or empty when the requests were the main user.
     */
    private static Optional<String> cpuHeldElsewhere(Ledger ledger, double cpuShare) {
        Capture capture = ledger.capture;
        double machine = capture.meanMachineCpu();
        double jvm = capture.meanJvmCpu();
        long samples = capture.stackSamples().size();
        long serving = ledger.samplesServingRequests().size();
        double requests = samples == 0 ? jvm : jvm * serving / samples;
        if (machine == 0 || requests >= ledger.settings.ownCpuMin() * machine) {
            return Optional.empty();
        }
        String servingLine = samples == 0 ? "" : String.format(Locale.ROOT,
                " (%.0f %% of its %d execution samples on threads serving requests)", 100.0 * serving / samples, samples);
        return Optional.of(String.format(Locale.ROOT, "the slowest requests spent %.0f %% of their time on or "
                + "waiting for a CPU, but the JVM used %.0f %% of the machine's %.0f %%%s: others held the cores — "
                + "the backlog's consumers run without pause while it grows", 100 * cpuShare, 100 * jvm,
                100 * machine, servingLine));
    }

    private static Verdict requestQueue(List<QueueEntry> ranked, String objectiveLine, String trigger) {
        QueueEntry top = ranked.getFirst();
        double share = top.shareOfP99();
        double second = ranked.size() > 1 ? ranked.get(1).shareOfP99() : 0;
        List<String> evidence = new ArrayList<>(List.of(trigger));
        if (top.waitShareOfP99() != null) {
            evidence.add(String.format(Locale.ROOT, "waiting for it: %.0f %% of the slowest requests' time "
                    + "(%.2f ms per request on average)", 100 * top.waitShareOfP99(), top.waitMsPerRequest()));
        }
        if (top.littlesLaw() != null) {
            QueueEntry.LittlesLaw law = top.littlesLaw();
            evidence.add(String.format(Locale.ROOT, "Little's law: L %.2f sampled vs λW %.1f/s × %.4f s = %.2f (%s)",
                    law.L(), law.lambda(), law.W(), law.lambda() * law.W(),
                    law.consistent() ? "consistent" : "does not add up"));
        }
        evidence.addAll(top.evidence());
        evidence.add(String.format(Locale.ROOT, "runner-up: %s (%.0f %% of p99)",
                ranked.size() > 1 ? ranked.get(1).name() : "none", 100 * second));
        return new Verdict(top.name(), share * share / (share + second), String.format(Locale.ROOT,
                "%s: %.0f %% of the slowest requests' time was spent at %s", objectiveLine, 100 * share, top.name()),
                evidence);
    }

    private static Verdict backlog(QueueEntry grown, String objectiveLine, Optional<String> whyNotTheRequests) {
        List<String> evidence = new ArrayList<>(List.of(objectiveLine));
        whyNotTheRequests.ifPresent(evidence::add);
        evidence.addAll(grown.evidence());
        return new Verdict(grown.name(), grown.score(), String.format(Locale.ROOT,
                "%s, but the %s backlog grows under constant load", objectiveLine, grown.name()), evidence);
    }

    /**
     * The objective was missed and no observed queue holds even {@code verdictMinShare} of the tail:
     * the time went somewhere the kit does not see (before the server, in a part not instrumented).
     * Never {@code none}, which would read as healthy.
     */
    private static Verdict unexplained(List<QueueEntry> queues, List<QueueEntry> ranked, String objectiveLine,
            LedgerSettings settings) {
        List<String> evidence = new ArrayList<>(List.of(objectiveLine));
        evidence.add(String.format(Locale.ROOT, "no observed queue holds %.0f %% of the slowest requests' time "
                + "(the largest: %s); tailToCause shows where it went — time before a server thread, the "
                + "generator's connection cap, the part no queue accounts for", 100 * settings.verdictMinShare(),
                ranked.isEmpty() ? "none observed" : String.format(Locale.ROOT, "%s, %.0f %%", ranked.getFirst().name(),
                        100 * ranked.getFirst().shareOfP99())));
        List<String> unobserved = unobserved(queues);
        if (!unobserved.isEmpty()) {
            evidence.add("not observed: " + String.join(", ", unobserved));
        }
        return new Verdict("unexplained", 0, objectiveLine + ", and no observed queue accounts for it", evidence);
    }

    private static Verdict none(List<QueueEntry> queues, String objectiveLine) {
        List<String> unobserved = unobserved(queues);
        List<String> evidence = new ArrayList<>(List.of(objectiveLine));
        if (!unobserved.isEmpty()) {
            evidence.add("not observed, so not cleared: " + String.join(", ", unobserved));
        }
        return new Verdict("none", (queues.size() - unobserved.size()) / (double) queues.size(),
                objectiveLine + "; no observed queue grows", evidence);
    }

    private static List<String> unobserved(List<QueueEntry> queues) {
        return queues.stream().filter(q -> !q.observed()).map(QueueEntry::name).toList();
    }
}
