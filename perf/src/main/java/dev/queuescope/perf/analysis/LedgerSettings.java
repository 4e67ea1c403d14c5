package dev.queuescope.perf.analysis;

/**
 * The ledger's thresholds, each with the reason for its default (docs/perf-guide.md, "Reading the verdict").
 *
 * @param cpuBusy machine CPU load (0..1) from which a request's unexplained time is counted as waiting
 *        for a CPU: with every core busy, a runnable thread queues for one; below it, the time stays unexplained
 * @param growthFactor a series grows when its last third's median is at least this many times its first third's…
 * @param growthMinMs …and at least this much more per request (ms), so noise on a near-empty queue is not growth
 * @param growthMinShareOfObjective …and, for a request queue in a run with an objective, at least this share of
 *        it more: a healthy search at 4 req/s had its CPU wait "growing" from 0.43 to 1.56 ms a request (objective
 *        50 ms), which named db-statements for a run whose p99 was 28 ms
 * @param backlogGrowthMin a backlog grows when its depth rises by at least this many items first to last third
 * @param littleTolerance Little's law holds when L and λW differ by at most this fraction of the larger…
 * @param littleFloor …or both are below this many items (a near-empty queue cannot be checked)
 * @param verdictMinShare a request queue is named only when it holds at least this share of the p99 cohort
 * @param overBacklogShare while a backlog grows and no request queue does, a missed objective is named at a
 *        request queue only when it holds at least this share, and its waits do too (service is not a queue);
 *        else the backlog is (its consumers take the capacity the requests lack, and it will not stop growing)
 * @param ownCpuMin …and {@code cpu} only when the requests used at least this fraction of the machine's busy
 *        CPU (the JVM's CPU in proportion to its execution samples on threads serving requests): below it, the
 *        cores the requests waited for went to others — with a backlog growing, its consumers (PostgreSQL
 *        running a listener's statements, the JVM's listener threads), which never pause while it grows
 * @param ownStatementsMin …and {@code db-statements} only when the requests' statements were at least this
 *        fraction of the shop's statement time: below it, other statements (a listener's recount) held the
 *        database the requests' statements waited for
 * @param missAlpha a p99 over the objective counts as missed only when that many requests over it had less than
 *        this chance at a true p99 on the objective ({@link ObjectiveCheck}): a healthy shop's p99 of 51.0 ms
 *        against 50 (labs run N, 750 requests) named cpu at a confidence of 0.30
 */
record LedgerSettings(double cpuBusy, double growthFactor, double growthMinMs, double growthMinShareOfObjective,
        double backlogGrowthMin, double littleTolerance, double littleFloor, double verdictMinShare,
        double overBacklogShare, double ownCpuMin, double ownStatementsMin, double missAlpha) {

    static final LedgerSettings DEFAULTS = new LedgerSettings(0.9, 2.0, 1.0, 0.1, 10, 0.5, 0.2, 0.1, 0.5, 0.5, 0.5, 0.05);
}
