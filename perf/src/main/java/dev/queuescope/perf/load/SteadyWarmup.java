package dev.queuescope.perf.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A warm-up that ends when the JIT has compiled the measured path, not after a fixed time: the work runs at its
 * maximum in slices for at least {@code least}, until two slices in a row agree within {@code tolerance}, or until
 * {@code most} has passed. With a fixed 20 s warm-up the shop's reads by id went 520, 1 817 and 2 724 req/s over
 * three repeats of {@code bench}, and orders plateaued at 279/s for two slices before reaching 534/s.
 *
 * @param tolerance two slices agree when they differ by at most this share of the earlier one
 */
public record SteadyWarmup(Duration least, Duration most, double tolerance) {

    /** One slice of the work at its maximum; returns what it did per second. */
    @FunctionalInterface
    public interface Slice {
        double perSecond() throws InterruptedException;
    }

    /** Runs slices until steady (or {@code most} has passed); returns each slice's rate, in order. */
    public List<Double> run(Slice slice) throws InterruptedException {
        long start = System.nanoTime();
        List<Double> rates = new ArrayList<>(List.of(slice.perSecond()));
        while (System.nanoTime() - start < most.toNanos()) {
            double previous = rates.getLast();
            double current = slice.perSecond();
            rates.add(current);
            if (Math.abs(current - previous) <= tolerance * previous && System.nanoTime() - start >= least.toNanos()) {
                break;
            }
        }
        return rates;
    }
}
