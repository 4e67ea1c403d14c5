package dev.queuescope.perf.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A small inline SVG chart of y over x (no scripts, no network), for what is not a time series —
 * latency over offered rate, throughput over concurrency: both axes from zero with their maxima
 * labelled, each series as a line, dots or both, and at most one labelled vertical marker.
 */
public final class XyChart {

    public enum Style { LINE, DASHED, DOTS, LINE_AND_DOTS }

    /** {@code x} and {@code y} pair up; NaN values are skipped. */
    public record Series(String name, String colour, Style style, double[] x, double[] y) {
    }

    public record Marker(String label, double x) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;

    private XyChart() {
    }

    public static String render(String title, String xUnit, String yUnit, List<Series> series,
            @Nullable Marker marker) {
        double xTop = top(series.stream().flatMapToDouble(s -> Arrays.stream(s.x())).toArray(), 1.05);
        double yTop = top(series.stream().flatMapToDouble(s -> Arrays.stream(s.y())).toArray(), 1.1);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<figure><figcaption>%s</figcaption><svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                SvgChart.escape(title), WIDTH, HEIGHT, SvgChart.escape(title)));
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM, LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\">%.3g %s</text><text x=\"2\" y=\"%d\">0</text>",
                TOP + 4, yTop, SvgChart.escape(yUnit), HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.3g %s</text>",
                WIDTH - RIGHT, HEIGHT - 8, xTop, SvgChart.escape(xUnit)));
        if (marker != null) {
            double x = x(marker.x(), xTop);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"2 3\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" fill=\"#555\">%s</text>",
                    x, TOP, x, HEIGHT - BOTTOM, x + 4, HEIGHT - BOTTOM - 6, SvgChart.escape(marker.label())));
        }
        int legend = LEFT + 10;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < Math.min(s.x().length, s.y().length); i++) {
                if (Double.isNaN(s.x()[i]) || Double.isNaN(s.y()[i])) {
                    continue;
                }
                double px = x(s.x()[i], xTop);
                double py = y(s.y()[i], yTop);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", px, py,
                        s.colour()));
            }
            if (s.style() != Style.DOTS) {
                svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(s.colour()).append('"')
                        .append(s.style() == Style.DASHED ? " stroke-dasharray=\"6 4\"" : "")
                        .append(" points=\"").append(points).append("\"/>");
            }
            if (s.style() == Style.DOTS || s.style() == Style.LINE_AND_DOTS) {
                svg.append(dots);
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" fill=\"%s\">%s</text>", legend, s.colour(),
                    SvgChart.escape(s.name())));
            legend += 12 + 7 * s.name().length();
        }
        return svg.append("</svg></figure>\n").toString();
    }

    private static double top(double[] values, double headroom) {
        double max = Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(0);
        return max <= 0 ? 1 : max * headroom;
    }

    private static double x(double value, double top) {
        return LEFT + (WIDTH - LEFT - RIGHT) * value / top;
    }

    private static double y(double value, double top) {
        return TOP + (HEIGHT - BOTTOM - TOP) * (1 - value / top);
    }
}
