package dev.queuescope;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link JfrConnectionAcquireTrackerFactory} around Micrometer's tracker factory on every
 * {@link HikariDataSource} bean, before its pool starts.
 *
 * <p>Why before Boot rather than after it: in Boot 4.1 Hikari's Micrometer tracker is not set by a
 * post-processor but by {@code DataSourcePoolMetricsAutoConfiguration}'s
 * {@code HikariDataSourceMeterBinder}, when meter binders are bound after all singletons exist —
 * by then Flyway has started the pool, and Hikari accepts a tracker factory only once after start,
 * so wrapping Boot's factory afterwards is impossible. That binder leaves a data source alone when
 * it already has a factory, so we set the wrapped Micrometer factory here exactly as Boot would
 * ({@code new MicrometerMetricsTrackerFactory(registry)}) and Boot's binder then skips it.
 *
 * <p>The registry is looked up only when Hikari creates the tracker (pool start), through an
 * {@link ObjectProvider}, so this post-processor does not pull the registry in early.
 */
@Component
class HikariJfrMetricsTrackerInstaller implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> registry;

    HikariJfrMetricsTrackerInstaller(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getMetricsTrackerFactory() == null
                && dataSource.getMetricRegistry() == null) {
            dataSource.setMetricsTrackerFactory(new JfrConnectionAcquireTrackerFactory((poolName, poolStats) ->
                    new MicrometerMetricsTrackerFactory(registry.getObject()).create(poolName, poolStats)));
        }
        return bean;
    }
}
