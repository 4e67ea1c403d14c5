package dev.queuescope;

import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The labs switched on ({@code queuescope.lab.<name>=true}): each is a deliberate anti-pattern, so
 * a shop running one says so — a WARN at start-up and {@code labs} in {@code /actuator/info}.
 */
@Component
class LabSwitches implements InfoContributor {

    private static final Logger log = LogManager.getLogger(LabSwitches.class);

    private final List<String> on;

    LabSwitches(Environment environment) {
        Map<String, Boolean> labs = Binder.get(environment)
                .bind("queuescope.lab", Bindable.mapOf(String.class, Boolean.class)).orElse(Map.of());
        this.on = labs.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted().toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        on.forEach(lab -> log.warn("Lab {} is ON: the shop does some of its work a worse way on purpose", lab));
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("labs", on);
    }

    List<String> on() {
        return on;
    }
}
