package dev.queuescope.perf.sweep;

import dev.queuescope.perf.sweep.UniversalScalabilityLaw.Point;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code sweep.json}: the steps of a sweep, its knee and the Universal Scalability Law fitted to its
 * steps. Schema: {@code perf/src/main/resources/sweep.schema.json}.
 *
 * @param capacity    req/s the step percentages are of: given, or estimated by {@code calibration}
 * @param calibration how the capacity was estimated; null when it was given
 * @param knee        null when every step kept up
 * @param usl         null when fewer than {@value UniversalScalabilityLaw#MIN_POINTS} steps can be fitted
 */
public record Sweep(String id, String scenario, double capacity, @Nullable Calibration calibration,
        double durationSeconds, double warmupSeconds, List<Step> steps, @Nullable Knee knee,
        UniversalScalabilityLaw.@Nullable Fit usl) {

    /** Steps in rising offered rate; those where the generator fell behind count for neither knee nor fit. */
    static Sweep of(String id, String scenario, double capacity, @Nullable Calibration calibration,
            double durationSeconds, double warmupSeconds, List<Step> steps) {
        List<Step> trusted = steps.stream().filter(step -> !step.generatorSaturated()).toList();
        List<Point> points = trusted.stream().filter(step -> step.concurrency() > 0 && step.achievedRate() > 0)
                .map(step -> new Point(step.concurrency(), step.achievedRate())).toList();
        return new Sweep(id, scenario, capacity, calibration, durationSeconds, warmupSeconds, steps,
                Knee.find(trusted).orElse(null),
                UniversalScalabilityLaw.canFit(points) ? UniversalScalabilityLaw.fit(points) : null);
    }
}
