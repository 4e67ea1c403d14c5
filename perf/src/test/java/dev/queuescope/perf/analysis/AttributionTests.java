package dev.queuescope.perf.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.analysis.Capture.ThreadWait.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each wait is the queue of the resource waited for, not of how the thread waited (DESIGN.md). */
class AttributionTests {

    private static RequestAccount only(CaptureBuilder capture) {
        List<RequestAccount> accounts = Attribution.of(capture.build(), LedgerSettings.DEFAULTS);
        assertThat(accounts).hasSize(1);
        return accounts.getFirst();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    @Test
    void aMonitorEnteredOnTheRequestsThreadIsAJvmLockWait() {
        RequestAccount account = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 1)
                .threadWait(7, 10, 30, Kind.MONITOR, "app.Catalog", false));

        assertThat(ms(account.wait(Queue.JVM_LOCKS))).isEqualTo(30.0);
    }

    @Test
    void aWaitOnAnotherThreadIsNotTheRequests() {
        RequestAccount account = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 1)
                .threadWait(8, 10, 30, Kind.MONITOR, "app.Catalog", false));

        assertThat(account.wait(Queue.JVM_LOCKS)).isZero();
    }

    @Test
    void aLockInsideLoggingCodeIsLoggingNotAJvmLock() {
        RequestAccount account = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 1)
                .threadWait(7, 10, 30, Kind.PARK, "java.util.concurrent.locks.ReentrantLock$NonfairSync", true));

        assertThat(ms(account.wait(Queue.LOGGING))).isEqualTo(30.0);
        assertThat(account.wait(Queue.JVM_LOCKS)).isZero();
    }

    @Test
    void aParkInTheConnectionPoolIsNotCountedAgainBesideItsAcquireTime() {
        RequestAccount account = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 1).acquire("r", 30)
                .threadWait(7, 10, 30, Kind.PARK, "java.util.concurrent.SynchronousQueue", false));

        assertThat(ms(account.wait(Queue.DB_POOL))).isEqualTo(30.0);
        assertThat(account.wait(Queue.JVM_LOCKS)).isZero();
    }

    @Test
    void aStatementIsSplitByWhatPostgresqlsSampledBackendsOfItWereDoing() {
        String update = "update inventory.stock set reserved = reserved + ? where product_id = ?";
        RequestAccount account = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 1)
                .statement("r", update, 5, 40)
                .pgSample(10, "active", "Lock", "update inventory.stock set reserved = reserved + $1 where product_id = $2", 3)
                .pgSample(20, "active", "CPU", "update inventory.stock set reserved = reserved + $1 where product_id = $2", 1));

        assertThat(ms(account.wait(Queue.DB_LOCKS))).isEqualTo(30.0);
        assertThat(ms(account.service(Queue.DB_STATEMENTS))).isEqualTo(10.0);
    }

    @Test
    void theThreadsCpuAndRunQueueDelayInsideAStatementAreTheStatementsCost() {
        // A 40 ms statement with 10 ms of the thread's CPU and 5 ms of run-queue delay in it; 20 ms CPU and
        // 8 ms run-queue delay in the whole request.
        RequestAccount account = only(new CaptureBuilder().requestWithCpuWait("r", 7, 50, 20, 8)
                .statement("r", "select 1", 5, 40, 10, 5));

        assertThat(ms(account.service(Queue.DB_STATEMENTS))).isEqualTo(40.0);
        assertThat(ms(account.service(Queue.CPU))).isEqualTo(10.0);
        assertThat(ms(account.wait(Queue.CPU))).isEqualTo(3.0);
    }

    @Test
    void theGapBeforeAServerThreadIsAThreadWaitOnlyWhileEveryThreadWasBusy() {
        // Two threads, both busy 0..20 ms; a request intended at 5 ms starts at 25 ms.
        CaptureBuilder capture = new CaptureBuilder().metric(Capture.SERVER_THREADS, 2)
                .request("a", 1, 0, 0, 20, 1).request("b", 2, 0, 0, 20, 1).request("late", 1, 5, 25, 5, 1);

        RequestAccount late = account(capture, "late");

        assertThat(ms(late.wait(Queue.HTTP_THREADS))).isEqualTo(15.0);
    }

    @Test
    void aThreadGoingStraightFromOneRequestToTheNextStaysBusyBetweenThem() {
        // One thread: "a" 0..20 ms; "b", due at 10 ms, starts at 24 ms (4 ms of the thread's own work between);
        // "late", due at 12 ms, starts at 30 ms after "b".
        CaptureBuilder capture = new CaptureBuilder().metric(Capture.SERVER_THREADS, 1)
                .request("a", 1, 0, 0, 20, 1).request("b", 1, 10, 24, 4, 1).request("late", 1, 12, 30, 5, 1);

        RequestAccount late = account(capture, "late");

        assertThat(ms(late.wait(Queue.HTTP_THREADS))).isEqualTo(18.0);
    }

    @Test
    void waitingToGetInWhileTheServedRequestsWereBlockedOnAMonitorIsThatMonitorsQueue() {
        // One thread: "holder" 0..40 ms, blocked on a monitor all along; "late", due at 10 ms, starts at 45 ms.
        CaptureBuilder capture = new CaptureBuilder().metric(Capture.SERVER_THREADS, 1)
                .request("holder", 1, 0, 0, 40, 1).threadWait(1, 0, 40, Kind.MONITOR, "app.Catalog", false)
                .request("late", 1, 10, 45, 5, 1);

        RequestAccount late = account(capture, "late");

        assertThat(ms(late.wait(Queue.JVM_LOCKS))).isEqualTo(35.0);
        assertThat(late.wait(Queue.HTTP_THREADS)).isZero();
        assertThat(ms(late.entryWaitBehindLocks())).isEqualTo(35.0);
    }

    @Test
    void aThreadIdleUntilTheNextRequestArrivedIsNotBusyBeforeIt() {
        // One thread: "a" 0..20 ms; "b" due at 25 ms, started at 27 ms: the thread was free when it came.
        CaptureBuilder capture = new CaptureBuilder().metric(Capture.SERVER_THREADS, 1)
                .request("a", 1, 0, 0, 20, 1).request("b", 1, 25, 27, 4, 1);

        RequestAccount b = account(capture, "b");

        assertThat(b.wait(Queue.HTTP_THREADS)).isZero();
    }

    @Test
    void unexplainedTimeIsACpuWaitOnlyWhenTheMachineWasBusy() {
        RequestAccount busy = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 10).machineCpu(0.97));
        RequestAccount idle = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 10).machineCpu(0.30));

        assertThat(ms(busy.service(Queue.CPU))).isEqualTo(10.0);
        assertThat(ms(busy.wait(Queue.CPU))).isEqualTo(40.0);
        assertThat(idle.wait(Queue.CPU)).isZero();
        assertThat(ms(idle.unaccounted())).isEqualTo(40.0);
    }

    @Test
    void aRequestArrivingDuringAGcPauseWaitsForItBeforeAnyServerThread() {
        // Intended at 10 ms inside a 0..100 ms pause, started on a thread at 105 ms.
        RequestAccount account = only(new CaptureBuilder().metric(Capture.SERVER_THREADS, 1)
                .request("r", 7, 10, 105, 5, 1).gcPause(0, 100));

        assertThat(ms(account.wait(Queue.GC))).isEqualTo(90.0);
        assertThat(account.wait(Queue.HTTP_THREADS)).isZero();
    }

    @Test
    void aMeasuredRunQueueDelayIsTheCpuWaitWhateverTheMachineLoad() {
        RequestAccount account = only(new CaptureBuilder().requestWithCpuWait("r", 7, 50, 10, 25).machineCpu(0.30));

        assertThat(ms(account.wait(Queue.CPU))).isEqualTo(25.0);
        assertThat(ms(account.unaccounted())).isEqualTo(15.0);
    }

    @Test
    void aGcPauseCountsForTheRequestsItOverlaps() {
        RequestAccount account = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 1).gcPause(40, 30));

        assertThat(ms(account.wait(Queue.GC))).isEqualTo(10.0);
    }

    /** Two connections, both held from 0 to 40 ms by requests running {@code sql}; "w" waits for one from 10 to 40 ms. */
    private static CaptureBuilder fullPoolWhileHoldersRun(String sql) {
        return new CaptureBuilder().metric("hikaricp_connections_active", 2).metric("hikaricp_connections_idle", 0)
                .request("h1", 1, 0, 0, 45, 1).acquire("h1", 0).statement("h1", sql, 0, 40)
                .request("h2", 2, 0, 0, 45, 1).acquire("h2", 0).statement("h2", sql, 0, 40)
                .request("w", 3, 10, 10, 40, 1).acquire("w", 30);
    }

    private static RequestAccount account(CaptureBuilder capture, String id) {
        return Attribution.of(capture.build(), LedgerSettings.DEFAULTS).stream()
                .filter(a -> a.request.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void waitingForAConnectionWhoseHoldersWaitForARowLockIsTheRowLocksQueue() {
        String update = "update orders.daily_sales set orders = orders + ? where day = ?";
        RequestAccount waiter = account(fullPoolWhileHoldersRun(update)
                .pgSample(20, "active", "Lock", "update orders.daily_sales set orders = orders + $1 where day = $2", 2), "w");

        assertThat(ms(waiter.wait(Queue.DB_LOCKS))).isEqualTo(30.0);
        assertThat(waiter.wait(Queue.DB_POOL)).isZero();
    }

    @Test
    void waitingForAConnectionWhoseHoldersWaitForAMonitorIsTheMonitorsQueue() {
        RequestAccount waiter = account(fullPoolWhileHoldersRun("select 1")
                .threadWait(1, 10, 30, Kind.MONITOR, "app.Catalog", false)
                .threadWait(2, 10, 30, Kind.MONITOR, "app.Catalog", false), "w");

        assertThat(ms(waiter.wait(Queue.JVM_LOCKS))).isEqualTo(30.0);
        assertThat(waiter.wait(Queue.DB_POOL)).isZero();
    }

    @Test
    void waitingForAConnectionWhoseHoldersAreWorkingIsThePoolsQueue() {
        RequestAccount waiter = account(fullPoolWhileHoldersRun("select 1")
                .pgSample(20, "active", "CPU", "select 1", 2), "w");

        assertThat(ms(waiter.wait(Queue.DB_POOL))).isEqualTo(30.0);
        assertThat(waiter.wait(Queue.DB_LOCKS)).isZero();
    }

    @Test
    void onlyTheLockWaitingShareOfThePoolsConnectionsMovesToTheLock() {
        // One of the two holders waits on a monitor for the whole 30 ms, the other works: half of the wait.
        RequestAccount waiter = account(fullPoolWhileHoldersRun("select 1")
                .threadWait(1, 10, 30, Kind.MONITOR, "app.Catalog", false), "w");

        assertThat(ms(waiter.wait(Queue.JVM_LOCKS))).isEqualTo(15.0);
        assertThat(ms(waiter.wait(Queue.DB_POOL))).isEqualTo(15.0);
    }

    /** Two connections held 0-40 ms by requests whose statement (0-40 ms) logs; "w" waits for one from 10 to 40 ms. */
    private static CaptureBuilder fullPoolWhileHoldersLog(int loggingHolders) {
        CaptureBuilder capture = new CaptureBuilder().metric("hikaricp_connections_active", 2)
                .metric("hikaricp_connections_idle", 0)
                .request("h1", 1, 0, 0, 40, 1).acquire("h1", 0).statement("h1", "select 1", 0, 40)
                .request("h2", 2, 0, 0, 40, 1).acquire("h2", 0).statement("h2", "select 1", 0, 40)
                .request("w", 3, 10, 10, 40, 1).acquire("w", 30);
        for (int holder = 1; holder <= loggingHolders; holder++) {
            capture.threadWait(holder, 0, 40, Kind.MONITOR, "org.apache.logging.log4j.core.appender.OutputStreamManager",
                    true);
        }
        return capture;
    }

    @Test
    void waitingForAConnectionWhoseHoldersLogInsideTheirStatementsIsLoggingsQueue() {
        RequestAccount waiter = account(fullPoolWhileHoldersLog(2), "w");

        assertThat(ms(waiter.wait(Queue.LOGGING))).isEqualTo(30.0);
        assertThat(waiter.wait(Queue.DB_POOL)).isZero();
    }

    @Test
    void onlyTheLoggingShareOfThePoolsConnectionsMovesToLogging() {
        RequestAccount waiter = account(fullPoolWhileHoldersLog(1), "w");

        assertThat(ms(waiter.wait(Queue.LOGGING))).isEqualTo(15.0);
        assertThat(ms(waiter.wait(Queue.DB_POOL))).isEqualTo(15.0);
    }

    @Test
    void aGcPauseInsideAStatementIsGcNotTheStatement() {
        RequestAccount account = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 1)
                .statement("r", "select 1", 5, 40).gcPause(10, 15));

        assertThat(ms(account.service(Queue.DB_STATEMENTS))).isEqualTo(25.0);
        assertThat(ms(account.wait(Queue.GC))).isEqualTo(15.0);
    }

    @Test
    void theShareOfARoutesCpuSamplesInLoggingCodeIsLoggingNotCpu() {
        // 20 ms of CPU; of the route's four samples while served, three were formatting a log line.
        RequestAccount account = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 20)
                .cpuSample(7, 5, "org.apache.logging.log4j.util.StackLocator.calcLocation", "app.Controller.get")
                .cpuSample(7, 15, "org.apache.logging.log4j.core.layout.PatternLayout.encode", "app.Controller.get")
                .cpuSample(7, 25, "org.jooq.tools.LoggerListener.recordEnd", "app.Repository.page")
                .cpuSample(7, 35, "app.Controller.get")
                .cpuSample(8, 35, "org.apache.logging.log4j.core.layout.PatternLayout.encode"));

        assertThat(ms(account.service(Queue.LOGGING))).isEqualTo(15.0);
        assertThat(ms(account.service(Queue.CPU))).isEqualTo(5.0);
    }

    @Test
    void aConnectionWaitInsideAStatementIsThePoolsNotTheStatements() {
        // Outside a transaction the statement borrows its connection as it starts: 10 of its 40 ms were the wait.
        RequestAccount account = only(new CaptureBuilder().request("r", 7, 0, 0, 50, 1)
                .statement("r", "select 1", 5, 40).acquireAt("r", 15, 10));

        assertThat(ms(account.wait(Queue.DB_POOL))).isEqualTo(10.0);
        assertThat(ms(account.service(Queue.DB_STATEMENTS))).isEqualTo(30.0);
    }

    @Test
    void theRunQueueDelayIsSplitLikeTheWorkTheThreadWasAboutToDo() {
        // 20 ms of CPU and 8 ms waiting for a core; three of the route's four samples in logging code.
        RequestAccount account = only(new CaptureBuilder().requestWithCpuWait("r", 7, 50, 20, 8)
                .cpuSample(7, 5, "org.apache.logging.log4j.util.StackLocator.calcLocation")
                .cpuSample(7, 15, "org.apache.logging.log4j.util.StackLocator.calcLocation")
                .cpuSample(7, 25, "org.apache.logging.log4j.util.StackLocator.calcLocation")
                .cpuSample(7, 35, "app.Controller.get"));

        assertThat(ms(account.wait(Queue.LOGGING))).isEqualTo(6.0);
        assertThat(ms(account.wait(Queue.CPU))).isEqualTo(2.0);
    }
}
