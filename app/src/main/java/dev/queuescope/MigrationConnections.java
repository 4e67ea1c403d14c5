package dev.queuescope;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrations run on connections of their own, to the pool's database but outside the pool: Flyway
 * holds two or three at once (its lock, the migration, callbacks), so a small request pool — a pool
 * of 1 while studying starvation — could not even start the shop, and a migration at start-up would
 * compete with nothing it should.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConnections {

    @Bean
    FlywayConfigurationCustomizer migrationsOutsideTheRequestPool(HikariDataSource pool) {
        return configuration -> configuration.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }
}
