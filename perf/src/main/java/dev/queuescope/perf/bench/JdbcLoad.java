package dev.queuescope.perf.bench;

import dev.queuescope.perf.run.ShopProcess;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Recorder;

/**
 * The baseline side of a ratio: the same database work through plain pgjdbc, each worker a thread
 * with a connection of its own (as many workers as the shop has pooled connections).
 */
final class JdbcLoad {

    /** One unit of work on the worker's connection, e.g. one primary-key select or one order. */
    @FunctionalInterface
    interface Work {
        void run(Connection connection, SplittableRandom random) throws SQLException;
    }

    private final ShopProcess.Ports database;
    private final int workers;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    JdbcLoad(ShopProcess.Ports database, int workers) {
        this.database = database;
        this.workers = workers;
    }

    /** Units of work completed per second with every worker going flat out (a closed loop). */
    double maxThroughput(Work work, Duration duration, long seed) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            SplittableRandom random = new SplittableRandom(seed + i);
            threads.add(Thread.ofPlatform().name("jdbc-max-" + i).start(withConnection(connection -> {
                while (System.nanoTime() < end) {
                    work.run(connection, random);
                    done.incrementAndGet();
                }
            })));
        }
        joinAll(threads);
        return done.get() / (duration.toNanos() / 1e9);
    }

    /**
     * p99 in milliseconds of work arriving as a Poisson process at {@code rate} per second: each
     * latency is measured from its intended start, so a worker that falls behind is charged for it
     * (no coordinated omission), as the HTTP side's generator does.
     */
    double p99AtRate(Work work, double rate, Duration duration, long seed) throws InterruptedException {
        long[] offsets = poissonOffsets(rate, duration, seed);
        AtomicLong next = new AtomicLong();
        Recorder latencies = new Recorder(3);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            SplittableRandom random = new SplittableRandom(seed + i);
            threads.add(Thread.ofPlatform().name("jdbc-open-" + i).start(withConnection(connection -> {
                for (long index = next.getAndIncrement(); index < offsets.length; index = next.getAndIncrement()) {
                    long intended = start + offsets[(int) index];
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    work.run(connection, random);
                    latencies.recordValue(Math.max(1, (System.nanoTime() - intended) / 1_000));
                }
            })));
        }
        joinAll(threads);
        return latencies.getIntervalHistogram().getValueAtPercentile(99) / 1_000.0;
    }

    private static long[] poissonOffsets(double rate, Duration duration, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> offsets = new ArrayList<>();
        double meanGapNanos = 1e9 / rate;
        for (double at = 0; at < duration.toNanos(); at += -Math.log(1 - random.nextDouble()) * meanGapNanos) {
            offsets.add((long) at);
        }
        return offsets.stream().mapToLong(Long::longValue).toArray();
    }

    @FunctionalInterface
    private interface OnConnection {
        void run(Connection connection) throws SQLException, InterruptedException;
    }

    private Runnable withConnection(OnConnection body) {
        return () -> {
            try (Connection connection = database.openDatabase()) {
                body.run(connection);
            } catch (SQLException | RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Waits for the workers; the first worker's failure fails the measurement. */
    private void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        Exception failed = failure.getAndSet(null);
        if (failed != null) {
            throw new IllegalStateException("baseline work failed: " + failed.getMessage(), failed);
        }
    }
}
