package dev.ffbench.cli;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.ExperimentResult;
import java.util.List;
import java.util.Locale;

/** One human-readable line per result, and its accuracy curve when the spec measured one. */
final class Summary {
    private static final String FORMAT = "%-12s %-12s %-15s %5s %5s %6s %5s %9s %9s %10s %14s %14s";

    private Summary() {}

    static String header() {
        return String.format(Locale.ROOT, FORMAT, "algorithm", "schedule", "goodness", "depth", "width", "epochs", "batch",
                "train acc", "test acc", "samples/s", "train peak B", "eval peak B");
    }

    static String row(ExperimentResult result) {
        ExperimentSpec spec = result.spec();
        return String.format(Locale.ROOT, FORMAT, spec.algorithm(),
                spec.options().has("schedule") ? spec.options().text("schedule") : "-",
                spec.goodness() == null ? "-" : spec.goodness(),
                spec.depth(), spec.width(), spec.epochs(), spec.batchSize(),
                String.format(Locale.ROOT, "%.2f %%", 100 * result.trainAccuracy()),
                String.format(Locale.ROOT, "%.2f %%", 100 * result.testAccuracy()),
                String.format(Locale.ROOT, "%.0f", result.samplesPerSecond()),
                result.memory().trainingPeak().totalBytes(),
                result.memory().evaluationPeak().totalBytes());
    }

    /**
     * The run's accuracy curve (spec field {@code evaluateEvery}) as one line: per evaluation the
     * epoch, training seconds so far and test accuracy, then the training seconds to
     * {@code targetAccuracy} when one is set; empty when no curve was measured.
     */
    static String curve(ExperimentResult result) {
        if (result.spec().evaluateEvery() == 0 || result.curve() == null || result.curve().isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s curve (epoch: training s, test acc):",
                result.spec().algorithm()));
        result.curve().forEach(point -> line.append(String.format(Locale.ROOT, " %d: %.1f s %.2f %%;", point.epoch(),
                point.trainSeconds(), 100 * point.testAccuracy())));
        Double target = result.spec().targetAccuracy();
        if (target != null) {
            Double seconds = result.secondsToAccuracy();
            line.append(String.format(Locale.ROOT, " %.2f %% reached %s", 100 * target,
                    seconds == null || seconds.isInfinite() ? "never" : String.format(Locale.ROOT, "after %.1f s", seconds)));
        }
        return line.toString();
    }

    /** "ff-base      test accuracy mean 95.12 % over seeds 1, 2, 3 (94.90 %, 95.40 %, 95.06 %)". */
    static String seedMean(String algorithm, List<Long> seeds, List<Double> accuracies) {
        double mean = accuracies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        StringBuilder each = new StringBuilder();
        for (double accuracy : accuracies) {
            each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f %%", 100 * accuracy));
        }
        return String.format(Locale.ROOT, "%-12s test accuracy mean %.2f %% over seeds %s (%s)", algorithm, 100 * mean,
                seeds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")), each);
    }
}
