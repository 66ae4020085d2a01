package dev.ffbench.gate;

import dev.ffbench.results.CellRecord;
import dev.ffbench.results.Metric;
import java.util.List;

/** Mean and sample variance of a metric over the seeds of one group of cells. */
record SeedStatistics(int count, double mean, double variance) {

    static SeedStatistics of(List<CellRecord> cells, Metric metric) {
        double[] values = cells.stream().mapToDouble(cell -> metric.of(cell.result())).toArray();
        double mean = 0;
        for (double value : values) {
            mean += value / values.length;
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new SeedStatistics(values.length, mean, values.length < 2 ? 0 : squares / (values.length - 1));
    }

    /**
     * The standard error of the difference of two means (Welch): the typical size of a difference
     * that seed noise alone produces. Zero when neither side has two seeds to measure noise with.
     */
    static double standardErrorOfDifference(SeedStatistics a, SeedStatistics b) {
        return Math.sqrt(a.variance / a.count + b.variance / b.count);
    }
}
