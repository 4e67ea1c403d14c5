package dev.queuescope.perf.outage;

import dev.queuescope.perf.scenario.Scenario;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which of a scenario's requests an outage run judges: the catalog reads (its GET requests, which never touch
 * the payment provider) and the order placements ({@code POST /api/v1/orders}, each a charge after commit).
 *
 * @param reads  request names (the endpoints of the results)
 * @param orders request names
 */
public record OutageEndpoints(Set<String> reads, Set<String> orders) {

    static final String ORDERS_PATH = "/api/v1/orders";

    /** @throws IllegalArgumentException when the scenario lacks either: its outage would prove nothing */
    public static OutageEndpoints of(Scenario scenario) {
        Set<String> reads = names(scenario, request -> request.method().equals("GET"));
        Set<String> orders = names(scenario, request -> request.method().equals("POST")
                && request.path().equals(ORDERS_PATH));
        if (reads.isEmpty() || orders.isEmpty()) {
            throw new IllegalArgumentException("Scenario " + scenario.name() + " takes the payment provider down, "
                    + "so it needs catalog reads (GET requests) and order placements (POST " + ORDERS_PATH
                    + ") to judge the outage by");
        }
        return new OutageEndpoints(reads, orders);
    }

    private static Set<String> names(Scenario scenario, Predicate<Scenario.Request> wanted) {
        return scenario.requests().stream().filter(wanted).map(Scenario.Request::name)
                .collect(Collectors.toUnmodifiableSet());
    }
}
