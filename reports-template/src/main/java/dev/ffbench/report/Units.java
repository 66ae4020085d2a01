package dev.ffbench.report;

import java.util.Locale;

/** How values read on axes and in tables. */
public enum Units {
    /** Bytes; axes in decimal megabytes (1 MB = 1,000,000 B), as the README's figures. */
    BYTES("MB"),
    /** A fraction in [0, 1], shown in per cent. */
    FRACTION("%"),
    /** Training images per second. */
    RATE("samples/s"),
    /** Seconds. */
    SECONDS("s");

    private final String symbol;

    Units(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** A tick label: "8 MB" style without the unit (the axis title carries it). */
    public String tick(double v) {
        return switch (this) {
            case BYTES -> compact(v / 1e6);
            case FRACTION -> compact(100 * v);
            case RATE, SECONDS -> compact(v);
        };
    }

    /** A value with its unit, for tooltips: "7.24 MB", "87.68 %", "2,023 samples/s", "3.1 s". */
    public String value(double v) {
        return switch (this) {
            case BYTES -> String.format(Locale.ROOT, "%.2f MB (%,d B)", v / 1e6, Math.round(v));
            case FRACTION -> String.format(Locale.ROOT, "%.2f %%", 100 * v);
            case RATE -> String.format(Locale.ROOT, "%,.0f samples/s", v);
            case SECONDS -> String.format(Locale.ROOT, "%.2f s", v);
        };
    }

    static String compact(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
        }
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+$", "");
    }
}
