package dev.queuescope.perf.labs;

import java.util.List;

/**
 * One lab of {@code perf/labs.json}: an anti-pattern the shop can be switched into, what the kit's
 * verdict must name for it, and how to provoke it — the scenario and a rate the healthy shop serves
 * within the scenario's objective.
 *
 * @param evidence a phrase the named queue's evidence must contain: it points at the cause
 * @param properties Spring properties for the shop besides {@code queuescope.lab.<name>=true}
 * @param jvmOptions extra JVM options for the shop (after app/jvm.options, so they win)
 * @param backlog the queue is a backlog (judged by growth), not a share of the requests' latency
 * @param rate requests per second on a machine as fast as the catalog's {@link LabCatalog.RateReference}
 * @param fixedRate the rate does not follow the machine's measured capacity: the lab's queue is made by a fixed
 *                  delay (a remote call), or by one lane — the listener's one PostgreSQL session — whose speed a
 *                  neighbour taking whole cores hardly changes while it cuts the capacity measure by half or more
 * @param windowSeconds the measured window of its proof run ({@code make test-labs}): longer where a short one left
 *                      too few requests past p99 to decide — a low rate, or a tail near the objective
 */
public record Lab(String name, String antiPattern, String expectedVerdict, String evidence, boolean backlog, String scenario,
        double rate, boolean fixedRate, int windowSeconds, List<String> properties, List<String> jvmOptions) {

    /**
     * The rate on a machine {@code speed} times as fast as the reference: a lab queues once its work fills its
     * lane (the one connection, row, monitor or thread; the cores), and that work takes longer on a
     * slower machine, so its rate moves with the machine to keep its place against the knee.
     */
    public double rateAt(double speed) {
        return fixedRate ? rate : rate * speed;
    }

    public List<String> shopProperties() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("queuescope.lab." + name + "=true"),
                properties.stream()).toList();
    }
}
