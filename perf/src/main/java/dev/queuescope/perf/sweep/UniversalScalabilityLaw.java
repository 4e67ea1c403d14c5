package dev.queuescope.perf.sweep;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Gunther's Universal Scalability Law, {@code X(N) = λN / (1 + σ(N−1) + κN(N−1))}: throughput X at
 * concurrency N, with λ the throughput of one request in flight, σ (contention) the share of the
 * work that waits for something serialised, κ (coherence) the cost of keeping concurrent work
 * consistent, which grows with every pair of requests in flight and makes throughput fall again.
 *
 * <p>The fit minimises the squared throughput error. For a fixed λ the law rearranges into a model
 * linear in σ and κ, {@code Nλ/X − 1 = σ(N−1) + κN(N−1)}, solved by weighted linear least squares
 * inside the box σ ∈ [0, 1], κ ≥ 0 (the weights make its residuals approximate throughput residuals,
 * so the result is near, not exactly at, the least-squares optimum: a direct search from it lowered
 * the squared error by under 0.2 % on the tests' noisy points); λ is found by a logarithmic scan
 * refined by golden-section search on the squared throughput error. No library: three parameters,
 * and the box keeps the answer physical.
 */
public final class UniversalScalabilityLaw {

    /** Three parameters: fewer points at distinct concurrencies cannot determine them. */
    public static final int MIN_POINTS = 3;

    /** Candidate λs of the scan; its neighbours bracket the golden-section search. */
    private static final int SCAN_STEPS = 400;
    private static final int GOLDEN_ITERATIONS = 80;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private UniversalScalabilityLaw() {
    }

    /** One measured step: mean requests in flight, and requests per second. */
    public record Point(double concurrency, double throughput) {
    }

    /**
     * The fitted law. {@code peakConcurrency} is {@code sqrt((1−σ)/κ)} when κ > 0 and null when
     * throughput never falls; {@code peakThroughput} is X there, or the ceiling λ/σ that pure
     * contention (κ = 0) approaches, or null when neither limits it (linear scaling).
     */
    public record Fit(double lambda, double sigma, double kappa, double rSquared, @Nullable Double peakConcurrency,
            @Nullable Double peakThroughput) {

        public double throughputAt(double concurrency) {
            return model(lambda, sigma, kappa, concurrency);
        }
    }

    /** Whether {@link #fit} has enough: {@value #MIN_POINTS} distinct concurrencies. */
    public static boolean canFit(List<Point> points) {
        return distinctConcurrencies(points) >= MIN_POINTS;
    }

    public static Fit fit(List<Point> points) {
        if (!canFit(points)) {
            throw new IllegalArgumentException("The USL has three parameters: a fit needs at least " + MIN_POINTS
                    + " points at distinct concurrencies, got " + distinctConcurrencies(points));
        }
        for (Point p : points) {
            if (!(p.concurrency() > 0 && p.throughput() > 0)) {
                throw new IllegalArgumentException("Concurrency and throughput must be positive: " + p);
            }
        }
        // With σ ≤ 1 and κ ≥ 0 no point lies above λ·max(N, 1), so λ starts near the largest such ratio.
        double start = points.stream().mapToDouble(p -> p.throughput() / Math.max(p.concurrency(), 1)).max()
                .orElseThrow();
        double low = start / 2;
        double high = start * 20;
        double ratio = Math.pow(high / low, 1.0 / SCAN_STEPS);
        int best = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= SCAN_STEPS; i++) {
            double error = squaredError(points, low * Math.pow(ratio, i));
            if (error < bestError) {
                bestError = error;
                best = i;
            }
        }
        double lambda = goldenSection(points, low * Math.pow(ratio, best - 1), low * Math.pow(ratio, best + 1));
        Contention c = contention(points, lambda);
        return fitOf(points, lambda, c.sigma(), c.kappa());
    }

    private static long distinctConcurrencies(List<Point> points) {
        return points.stream().mapToDouble(Point::concurrency).distinct().count();
    }

    private static Fit fitOf(List<Point> points, double lambda, double sigma, double kappa) {
        double mean = points.stream().mapToDouble(Point::throughput).average().orElseThrow();
        double total = points.stream().mapToDouble(p -> square(p.throughput() - mean)).sum();
        double residual = squaredError(points, lambda, sigma, kappa);
        double rSquared = total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
        Double peakConcurrency = null;
        Double peakThroughput = null;
        if (kappa > 0) {
            peakConcurrency = Math.sqrt((1 - sigma) / kappa);
            peakThroughput = model(lambda, sigma, kappa, peakConcurrency);
        } else if (sigma > 0) {
            peakThroughput = lambda / sigma;
        }
        return new Fit(lambda, sigma, kappa, rSquared, peakConcurrency, peakThroughput);
    }

    private static double goldenSection(List<Point> points, double low, double high) {
        double a = low;
        double b = high;
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double fc = squaredError(points, c);
        double fd = squaredError(points, d);
        for (int i = 0; i < GOLDEN_ITERATIONS; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = squaredError(points, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = squaredError(points, d);
            }
        }
        return (a + b) / 2;
    }

    /** The squared throughput error at λ, with σ and κ at their best for that λ. */
    private static double squaredError(List<Point> points, double lambda) {
        Contention c = contention(points, lambda);
        return squaredError(points, lambda, c.sigma(), c.kappa());
    }

    private static double squaredError(List<Point> points, double lambda, double sigma, double kappa) {
        return points.stream().mapToDouble(p -> square(p.throughput() - model(lambda, sigma, kappa, p.concurrency())))
                .sum();
    }

    private record Contention(double sigma, double kappa) {
    }

    /**
     * σ, κ for a fixed λ: minimises Σ w(y − σa − κb)² with y = Nλ/X − 1, a = N−1, b = N(N−1) over
     * σ ∈ [0, 1], κ ≥ 0. A convex problem in two variables: its minimum is the unconstrained one when
     * that lies inside the box, else the best of the box's edges (each a clamped one-variable fit).
     * w = (X²/(λN))², since a change δ in the denominator moves X by about δ·X²/(λN).
     */
    private static Contention contention(List<Point> points, double lambda) {
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        double say = 0;
        double sby = 0;
        double sbyMinusA = 0;
        for (Point p : points) {
            double n = p.concurrency();
            double w = square(square(p.throughput()) / (lambda * n));
            double y = n * lambda / p.throughput() - 1;
            double a = n - 1;
            double b = n * (n - 1);
            saa += w * a * a;
            sab += w * a * b;
            sbb += w * b * b;
            say += w * a * y;
            sby += w * b * y;
            sbyMinusA += w * b * (y - a);
        }
        double det = saa * sbb - sab * sab;
        if (det > 1e-12 * saa * sbb) {
            double sigma = (say * sbb - sby * sab) / det;
            double kappa = (saa * sby - sab * say) / det;
            if (sigma >= 0 && sigma <= 1 && kappa >= 0) {
                return new Contention(sigma, kappa);
            }
        }
        List<Contention> edges = List.of(
                new Contention(0, Math.max(0, divide(sby, sbb))),
                new Contention(1, Math.max(0, divide(sbyMinusA, sbb))),
                new Contention(Math.clamp(divide(say, saa), 0, 1), 0));
        Contention best = edges.getFirst();
        double bestError = Double.POSITIVE_INFINITY;
        for (Contention edge : edges) {
            double error = linearisedError(points, lambda, edge);
            if (error < bestError) {
                bestError = error;
                best = edge;
            }
        }
        return best;
    }

    private static double linearisedError(List<Point> points, double lambda, Contention c) {
        double error = 0;
        for (Point p : points) {
            double n = p.concurrency();
            double w = square(square(p.throughput()) / (lambda * n));
            error += w * square(n * lambda / p.throughput() - 1 - c.sigma() * (n - 1) - c.kappa() * n * (n - 1));
        }
        return error;
    }

    private static double model(double lambda, double sigma, double kappa, double n) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    private static double divide(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }

    private static double square(double x) {
        return x * x;
    }
}
