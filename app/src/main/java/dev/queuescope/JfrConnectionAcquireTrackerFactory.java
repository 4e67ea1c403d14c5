package dev.queuescope;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import org.apache.logging.log4j.ThreadContext;

/**
 * Hikari has a single {@link MetricsTrackerFactory} slot. This factory fills it with a tracker that
 * commits a {@code queuescope.ConnectionAcquire} JFR event per acquisition and forwards every call
 * to the tracker of the factory it wraps (Micrometer's), so the {@code hikaricp.*} meters stay.
 */
final class JfrConnectionAcquireTrackerFactory implements MetricsTrackerFactory {

    private final MetricsTrackerFactory delegate;

    JfrConnectionAcquireTrackerFactory(MetricsTrackerFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        return new Tracker(poolName, delegate.create(poolName, poolStats));
    }

    /** Called by Hikari on the thread that asked for the connection, right after it got it. */
    private record Tracker(String poolName, IMetricsTracker delegate) implements IMetricsTracker {

        @Override
        public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
            delegate.recordConnectionAcquiredNanos(elapsedAcquiredNanos);
            ConnectionAcquireEvent event = new ConnectionAcquireEvent();
            if (event.shouldCommit()) {
                event.poolName = poolName;
                event.acquireNanos = elapsedAcquiredNanos;
                event.requestId = ThreadContext.get(RequestIdFilter.CONTEXT_KEY);
                event.commit();
            }
        }

        @Override
        public void recordConnectionCreatedMillis(long connectionCreatedMillis) {
            delegate.recordConnectionCreatedMillis(connectionCreatedMillis);
        }

        @Override
        public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
            delegate.recordConnectionUsageMillis(elapsedBorrowedMillis);
        }

        @Override
        public void recordConnectionTimeout() {
            delegate.recordConnectionTimeout();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
