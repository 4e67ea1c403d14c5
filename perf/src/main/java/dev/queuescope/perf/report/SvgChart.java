package dev.queuescope.perf.report;

import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG line chart (no scripts, no network): series over seconds since the start of
 * the measured phase, one colour each, a y axis from zero with its maximum labelled.
 */
public final class SvgChart {

    record Series(String name, String colour, double[] values) {
    }

    /** A dashed vertical line at second {@code at} (e.g. where a load phase starts), labelled. */
    record Marker(double at, String label) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 220;
    private static final int LEFT = 60;
    private static final int BOTTOM = 24;

    private SvgChart() {
    }

    static String render(String title, String unit, List<Series> series) {
        return render(title, unit, series, List.of());
    }

    static String render(String title, String unit, List<Series> series, List<Marker> markers) {
        int points = series.stream().mapToInt(s -> s.values().length).max().orElse(0);
        double max = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values()))
                .filter(v -> !Double.isNaN(v)).max().orElse(0);
        double top = max <= 0 ? 1 : max * 1.1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<figure><figcaption>%s</figcaption><svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                escape(title), WIDTH, HEIGHT, escape(title)));
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" class=\"axis\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>",
                LEFT, LEFT, HEIGHT - BOTTOM, LEFT, HEIGHT - BOTTOM, WIDTH, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"12\">%.3g %s</text><text x=\"2\" y=\"%d\">0</text>",
                top, escape(unit), HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%d s</text>", WIDTH - 40, HEIGHT - 6, points));
        for (Marker marker : markers) {
            double x = LEFT + (points <= 1 ? 0 : (WIDTH - LEFT - 10) * marker.at() / (points - 1));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"20\" x2=\"%.1f\" y2=\"%d\" stroke=\"#777\" "
                    + "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"32\" fill=\"#555\">%s</text>", x, x,
                    HEIGHT - BOTTOM, x + 3, escape(marker.label())));
        }
        int legend = LEFT + 10;
        for (Series s : series) {
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(s.colour()).append("\" points=\"");
            for (int i = 0; i < s.values().length; i++) {
                if (Double.isNaN(s.values()[i])) {
                    continue;
                }
                double x = LEFT + (points <= 1 ? 0 : (WIDTH - LEFT - 10) * (double) i / (points - 1));
                double y = (HEIGHT - BOTTOM) * (1 - s.values()[i] / top);
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("\"/>");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" fill=\"%s\">%s</text>", legend, s.colour(),
                    escape(s.name())));
            legend += 12 + 7 * s.name().length();
        }
        return svg.append("</svg></figure>\n").toString();
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
