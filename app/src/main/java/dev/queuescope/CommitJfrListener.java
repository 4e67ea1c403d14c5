package dev.queuescope;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Times each transaction's commit as a {@code queuescope.DbStatement} event whose SQL is {@code COMMIT}.
 * Neither jOOQ nor Modulith's JDBC sees it, yet a write's commit waits for PostgreSQL to flush its WAL:
 * under product creates 7 of the 10 active backends sampled were {@code COMMIT} in {@code WalSync}, and
 * the perf kit left that time unaccounted. Boot adds every {@link TransactionExecutionListener} bean to
 * its transaction manager; Spring calls it around a new transaction's commit on the committing thread.
 * The window runs from {@code beforeCommit} to {@code afterCommit}: the commit and the after-commit
 * callbacks (handing events to their listeners' executor), not the connection's release.
 */
@Component
class CommitJfrListener implements TransactionExecutionListener {

    private static final SqlStatementShape COMMIT = SqlStatementShape.of("COMMIT");

    /** Commits on one thread never overlap: a nested transaction's commit ends before its outer one's starts. */
    private final ThreadLocal<Timing> committing = new ThreadLocal<>();

    private record Timing(DbStatementEvent event, ThreadClocks before) {
    }

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        DbStatementEvent event = new DbStatementEvent();
        if (event.isEnabled()) {
            committing.set(new Timing(event, ThreadClocks.now()));
            event.begin();
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        Timing timing = committing.get();
        committing.remove();
        if (timing == null) {
            return;
        }
        DbStatementEvent event = timing.event();
        event.end();
        if (!event.shouldCommit()) {
            return;
        }
        event.describe(COMMIT, -1, timing.before(), ThreadClocks.now());
        event.commit();
    }
}
