package dev.ffbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A value axis: maps data values to pixels, linear from zero or logarithmic (base 10) when the
 * values span a wide range, or linear fitted to the values ({@link #fitted}, for trends), and chooses
 * round tick values.
 */
public final class Scale {
    /** Values spanning more than this factor get a log scale. */
    static final double LOG_RANGE = 20;

    private final boolean log;
    private final double low;
    private final double high;
    private final double pixelLow;
    private final double pixelHigh;
    private final List<Double> ticks;

    private Scale(boolean log, double low, double high, double pixelLow, double pixelHigh, List<Double> ticks) {
        this.log = log;
        this.low = low;
        this.high = high;
        this.pixelLow = pixelLow;
        this.pixelHigh = pixelHigh;
        this.ticks = List.copyOf(ticks);
    }

    /**
     * A scale for positive-or-zero values: log when {@code allowLog} and max/min exceeds
     * {@link #LOG_RANGE}, else linear from 0 to a round number at or above the maximum (or to
     * {@code fixedMax} when given). {@code pixelLow} is where the low end lands (for a y axis, the
     * bottom of the plot).
     */
    public static Scale of(List<Double> values, boolean allowLog, Double fixedMax, double pixelLow, double pixelHigh) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                if (v > 0) {
                    min = Math.min(min, v);
                }
                max = Math.max(max, v);
            }
        }
        if (allowLog && fixedMax == null && max > 0 && min < Double.POSITIVE_INFINITY && max / min > LOG_RANGE) {
            double lowDecade = Math.pow(10, Math.floor(Math.log10(min)));
            double highDecade = Math.pow(10, Math.ceil(Math.log10(max)));
            if (highDecade <= lowDecade) {
                highDecade = lowDecade * 10;
            }
            List<Double> ticks = new ArrayList<>();
            int decades = (int) Math.round(Math.log10(highDecade / lowDecade));
            for (double d = lowDecade; d <= highDecade * 1.0001; d *= 10) {
                ticks.add(d);
                if (decades <= 2 && d < highDecade * 0.999) {
                    ticks.add(2 * d);
                    ticks.add(5 * d);
                }
            }
            return new Scale(true, lowDecade, highDecade, pixelLow, pixelHigh, ticks);
        }
        double top = fixedMax != null ? fixedMax : (max <= 0 ? 1 : max);
        double step = niceStep(top / 5);
        double niceTop = fixedMax != null ? fixedMax : Math.ceil(top / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= niceTop * (1 + 1e-9); i++) {
            ticks.add(round(i * step));
        }
        return new Scale(false, 0, niceTop, pixelLow, pixelHigh, ticks);
    }

    /**
     * A linear scale fitted to the values rather than from zero, for trends, where a change of a few per
     * cent must show: their lowest to highest value, padded by a tenth of that span on each side (by 5 %
     * of the value, or 1, when all are equal, so the line sits mid-height), widened to round ticks at
     * least {@code minStep} apart. It never goes below 0 when no value does, nor above {@code ceiling}
     * (1 for fractions; null for none). Without a finite value it is {@link #of} from zero.
     */
    public static Scale fitted(List<Double> values, Double ceiling, double minStep, double pixelLow, double pixelHigh) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return of(values, false, ceiling, pixelLow, pixelHigh);
        }
        double pad = max > min ? (max - min) / 10 : max != 0 ? Math.abs(max) / 20 : 1;
        double low = min - pad;
        double high = max + pad;
        if (min >= 0) {
            low = Math.max(0, low);
        }
        if (ceiling != null && max <= ceiling) {
            high = Math.min(ceiling, high);
        }
        double step = Math.max(minStep, niceStep((high - low) / 4));
        double niceLow = round(Math.floor(low / step + 1e-9) * step);
        double niceHigh = round(Math.ceil(high / step - 1e-9) * step);
        if (ceiling != null && max <= ceiling) {
            niceHigh = Math.min(niceHigh, ceiling);
        }
        if (niceHigh <= niceLow) {
            niceHigh = round(niceLow + step);
        }
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; niceLow + i * step <= niceHigh * (1 + 1e-12) + 1e-12; i++) {
            ticks.add(round(niceLow + i * step));
        }
        return new Scale(false, niceLow, niceHigh, pixelLow, pixelHigh, ticks);
    }

    /** The distance between two ticks (the whole range when there is one tick). */
    public double step() {
        return ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : high - low;
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return round(nice * power);
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", v));
    }

    public boolean isLog() {
        return log;
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    public List<Double> ticks() {
        return ticks;
    }

    /** The pixel of a value, rounded to 0.01; values below a log scale's range clamp to its bottom. */
    public double pixel(double value) {
        double fraction;
        if (log) {
            double v = Math.max(value, low);
            fraction = (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
        } else {
            fraction = high == low ? 0 : (value - low) / (high - low);
        }
        return Geometry.round2(pixelLow + fraction * (pixelHigh - pixelLow));
    }
}
