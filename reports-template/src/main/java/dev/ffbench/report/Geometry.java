package dev.ffbench.report;

import java.util.Locale;

/** Small helpers shared by the chart builders: rounding and SVG path snippets. */
final class Geometry {
    private Geometry() {}

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String num(double v) {
        double r = round2(v);
        if (r == Math.rint(r)) {
            return String.valueOf((long) r);
        }
        return String.format(Locale.ROOT, "%.2f", r).replaceAll("0+$", "");
    }

    /** A marker outline centred on (x, y): circle, square, triangle, diamond or cross. */
    static String marker(String shape, double x, double y, double r) {
        return switch (shape) {
            case "square" -> "M" + num(x - r) + "," + num(y - r) + "h" + num(2 * r) + "v" + num(2 * r) + "h" + num(-2 * r) + "Z";
            case "triangle" -> "M" + num(x) + "," + num(y - 1.2 * r) + "L" + num(x + 1.1 * r) + "," + num(y + 0.8 * r)
                    + "L" + num(x - 1.1 * r) + "," + num(y + 0.8 * r) + "Z";
            case "diamond" -> "M" + num(x) + "," + num(y - 1.3 * r) + "L" + num(x + 1.3 * r) + "," + num(y)
                    + "L" + num(x) + "," + num(y + 1.3 * r) + "L" + num(x - 1.3 * r) + "," + num(y) + "Z";
            case "cross" -> "M" + num(x - r) + "," + num(y - r) + "L" + num(x + r) + "," + num(y + r)
                    + "M" + num(x + r) + "," + num(y - r) + "L" + num(x - r) + "," + num(y + r);
            default -> "M" + num(x - r) + "," + num(y) + "a" + num(r) + "," + num(r) + " 0 1,0 " + num(2 * r) + ",0"
                    + "a" + num(r) + "," + num(r) + " 0 1,0 " + num(-2 * r) + ",0Z";
        };
    }
}
