package dev.queuescope.perf.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads a scenario by name (from {@code perf/scenarios/}) or by path, refusing unknown fields. */
public final class ScenarioLoader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ScenarioLoader() {
    }

    public static Scenario load(String nameOrPath, Path scenarioDir) {
        Path file = nameOrPath.endsWith(".json") ? Path.of(nameOrPath) : scenarioDir.resolve(nameOrPath + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No scenario " + nameOrPath + " (looked for " + file + ")");
        }
        Scenario scenario = JSON.readValue(file.toFile(), Scenario.class);
        if (scenario.requests() == null || scenario.requests().isEmpty()) {
            throw new IllegalArgumentException("Scenario " + file + " has no requests");
        }
        if (scenario.phases() != null) {
            if (scenario.phases().isEmpty()) {
                throw new IllegalArgumentException("Scenario " + file + ": phases, when given, are not empty");
            }
            for (Scenario.Phase phase : scenario.phases()) {
                if ((phase.rate() == null) == (phase.rateOfKnee() == null) || phase.seconds() < 1) {
                    throw new IllegalArgumentException("Scenario " + file + ", phase " + phase.name()
                            + ": give exactly one of rate and rateOfKnee, and seconds >= 1");
                }
                Integer outage = phase.providerOutageSeconds();
                if (outage != null && (outage < 1 || outage > phase.seconds())) {
                    throw new IllegalArgumentException("Scenario " + file + ", phase " + phase.name()
                            + ": providerOutageSeconds is between 1 and the phase's seconds (" + phase.seconds() + ")");
                }
            }
            long outages = scenario.phases().stream().filter(p -> p.providerOutageSeconds() != null).count();
            // The run's own baseline is what the outage is judged against, so it comes first and is healthy.
            if (outages > 1 || scenario.phases().getFirst().providerOutageSeconds() != null) {
                throw new IllegalArgumentException("Scenario " + file + ": at most one phase has "
                        + "providerOutageSeconds, and not the first, which is the baseline");
            }
        }
        return scenario;
    }
}
