package dev.queuescope.perf.labs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code perf/labs.json}: every lab the shop has, by name, and the machine speed their rates were set at.
 *
 * @param ratesSetAt the capacity ({@code queuescope-perf capacity}) of the machine the labs' rates were set on
 */
public record LabCatalog(RateReference ratesSetAt, List<Lab> labs) {

    /**
     * A machine's speed, as the most it served of a scenario in a closed loop of {@code connections}, and one
     * request at a time: another machine's figures over these are how much faster it is (a {@link MachineSpeed}).
     *
     * @param capacity requests per second, measured on {@code measured} (a date, and the runs behind the figure)
     * @param oneConnectionCapacity requests per second one at a time, on a machine as fast as {@code capacity} says
     */
    public record RateReference(String scenario, int connections, double capacity, double oneConnectionCapacity,
            String measured) {
    }

    public static LabCatalog load(Path repo) throws IOException {
        return JsonMapper.builder().build().readValue(repo.resolve("perf/labs.json").toFile(), LabCatalog.class);
    }

    /** The named labs, in order; an unknown name is an error that lists the known ones. */
    public List<Lab> select(List<String> names) {
        List<Lab> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(labs.stream().filter(lab -> lab.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No lab " + name + "; known: "
                            + labs.stream().map(Lab::name).toList())));
        }
        return selected;
    }
}
