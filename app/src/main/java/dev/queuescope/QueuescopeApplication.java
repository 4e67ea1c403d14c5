package dev.queuescope;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The shop: one JAR, one application, made of the modules under {@code dev.queuescope.*}.
 * Classes in this package are the runtime around them (database, web plumbing, logging metrics),
 * not a module: no module may depend on them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Queuescope")
public class QueuescopeApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueuescopeApplication.class, args);
    }
}
