package dev.queuescope.perf.labs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.Stream;

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
 * @param pace which of the machine's speeds the rate follows
 * @param windowSeconds the measured window of its proof run ({@code make test-labs}): longer where a short one left
 *                      too few requests past p99 to decide — a low rate, or a tail near the objective
 */
public record Lab(String name, String antiPattern, String expectedVerdict, String evidence, boolean backlog, String scenario,
        double rate, Pace pace, int windowSeconds, List<String> properties, List<String> jvmOptions) {

    /**
     * What a lab's queue is made of, and so which speed its rate follows: a lab queues once its work fills its
     * lane, that work takes longer on a slower machine, so its rate moves with the lane's speed to keep its
     * place against the knee.
     */
    public enum Pace {
        /** Work added over both cores (more statements, a scan, a sort, allocation): the cores' speed. */
        @JsonProperty("cores") CORES,
        /**
         * Work made to wait for one lane (one connection, row, monitor, appender, thread or session): the speed of
         * one request alone, which a neighbour taking a whole core slows far less than it cuts the cores' figure.
         */
        @JsonProperty("lane") LANE,
        /**
         * The rate as written: a queue made by a fixed delay (a remote call's time), the same on any machine; or a
         * lane neither measure tracks (the slow listener's PostgreSQL recount, which the one-at-a-time measure
         * under-rated beside a busy loop).
         */
        @JsonProperty("fixed") FIXED
    }

    /** The rate on a machine this fast, against the reference. */
    public double rateAt(MachineSpeed speed) {
        return switch (pace) {
            case CORES -> rate * speed.cores();
            case LANE -> rate * speed.lane();
            case FIXED -> rate;
        };
    }

    public List<String> shopProperties() {
        return Stream.concat(Stream.of("queuescope.lab." + name + "=true"), properties.stream()).toList();
    }
}
