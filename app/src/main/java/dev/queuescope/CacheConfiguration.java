package dev.queuescope;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caffeine caches whose puts and evictions wait for the surrounding transaction to commit, so an
 * update that rolls back never evicts, and one that commits evicts only once its row is visible.
 * Statistics on: Boot exports them as {@code cache.*} metrics.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

    @Bean
    CacheManager cacheManager() {
        CaffeineCacheManager caffeine = new CaffeineCacheManager();
        caffeine.setCaffeine(Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(10))
                .recordStats());
        caffeine.setAllowNullValues(false);
        // Named up front: Boot binds cache metrics to the caches that exist at start-up.
        caffeine.setCacheNames(List.of("products"));
        return new TransactionAwareCacheManagerProxy(caffeine);
    }
}
