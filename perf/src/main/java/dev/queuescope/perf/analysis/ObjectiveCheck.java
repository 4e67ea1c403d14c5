package dev.queuescope.perf.analysis;

import java.util.Locale;

/**
 * Whether a run's p99 missed its objective by more than chance. A p99 taken over n requests is itself a
 * sample: were the service's true p99 exactly the objective, each request would take longer with
 * probability 1 %, and the number that did would be binomial(n, 0.01) — with a few hundred requests
 * that is a handful, and two or three more than expected put the sampled p99 over the line by chance.
 * The objective counts as missed only when so many requests took longer that this chance is below
 * {@code alpha} (a one-sided binomial test); a cohort of one slow request in a hundred is not a queue.
 *
 * @param objectiveMs   the scenario's p99 objective
 * @param p99Ms         the run's corrected p99
 * @param requests      requests completed in the window
 * @param overObjective how many of them took longer than the objective
 */
record ObjectiveCheck(double objectiveMs, double p99Ms, long requests, long overObjective) {

    private static final double TAIL = 0.01;

    /** The chance of at least {@code overObjective} of {@code requests} over the objective if its true p99 were on it. */
    double pValue() {
        if (overObjective <= 0) {
            return 1;
        }
        // Sum the binomial probabilities below overObjective in log space: 0.99^n underflows past n ≈ 70 000.
        double logOdds = Math.log(TAIL / (1 - TAIL));
        double logP = requests * Math.log1p(-TAIL);
        double below = 0;
        for (long i = 0; i < overObjective && i <= requests; i++) {
            below += Math.exp(logP);
            logP += Math.log((requests - i) / (double) (i + 1)) + logOdds;
        }
        return Math.max(0, 1 - below);
    }

    boolean missed(double alpha) {
        return p99Ms > objectiveMs && pValue() < alpha;
    }

    /** The verdict's first line: met, missed, or over it by no more than chance. */
    String line(double alpha) {
        if (p99Ms <= objectiveMs) {
            return String.format(Locale.ROOT, "p99 %.1f ms met the objective of %.1f ms", p99Ms, objectiveMs);
        }
        String counts = String.format(Locale.ROOT, "%d of %d requests took longer, where 1 %% would be %.1f",
                overObjective, requests, TAIL * requests);
        return missed(alpha)
                ? String.format(Locale.ROOT, "p99 %.1f ms missed the objective of %.1f ms (%s)", p99Ms, objectiveMs, counts)
                : String.format(Locale.ROOT, "p99 %.1f ms is over the objective of %.1f ms by no more than chance: %s "
                        + "(binomial p = %.2f, not below %.2f)", p99Ms, objectiveMs, counts, pValue(), alpha);
    }
}
