package dev.queuescope;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caffeine caches whose puts and evictions wait for the surrounding transaction to commit, so an
 * update that rolls back never evicts, and one that commits evicts only once its row is visible.
 * Statistics on: Boot exports them as {@code cache.*} metrics. {@code queuescope.cache.enabled=false}
 * switches caching off (every read goes to the database), as {@code make bench} measures it.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "queuescope.cache.enabled", matchIfMissing = true)
    CacheManager cacheManager() {
        CaffeineCacheManager caffeine = new CaffeineCacheManager();
        caffeine.setCaffeine(Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(10))
                .recordStats());
        caffeine.setAllowNullValues(false);
        // Named up front: Boot binds cache metrics to the caches that exist at start-up.
        caffeine.setCacheNames(List.of("products"));
        return new TransactionAwareCacheManagerProxy(caffeine);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "queuescope.cache.enabled", havingValue = false)
    CacheManager noCacheManager() {
        return new NoOpCacheManager();
    }
}
