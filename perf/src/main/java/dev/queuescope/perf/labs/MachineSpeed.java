package dev.queuescope.perf.labs;

import dev.queuescope.perf.capacity.Capacity;

/**
 * How fast this machine is now against the one the labs' rates were set on, two ways.
 *
 * @param cores the capacity at the reference's connections over the reference's: both cores' worth of requests
 * @param lane  one request at a time over the reference's: the speed of one lane
 */
public record MachineSpeed(double cores, double lane) {

    public static MachineSpeed of(Capacity now, LabCatalog.RateReference reference) {
        if (now.connections() != reference.connections() || !now.scenario().equals(reference.scenario())) {
            throw new IllegalArgumentException("Measured " + now.scenario() + " at " + now.connections()
                    + " connections; the rates were set by " + reference.scenario() + " at " + reference.connections());
        }
        return new MachineSpeed(now.requestsPerSecond() / reference.capacity(),
                now.oneConnectionRequestsPerSecond() / reference.oneConnectionCapacity());
    }
}
