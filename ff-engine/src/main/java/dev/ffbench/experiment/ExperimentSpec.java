package dev.ffbench.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ffbench.goodness.GoodnessFunctions;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that defines one run. {@code batchSize} is images per step: FF trains on that many
 * positives plus as many negatives, backprop on that many images. {@code threshold},
 * {@code alpha} and {@code learningRate} may be null: the goodness function's own threshold and
 * sharpness and the algorithm's default learning rate apply. {@code maxStepsPerEpoch} 0 means the
 * whole training split. {@code iterations}, {@code damping} (the weight of the old state) and
 * {@code scoreFrom..scoreTo} (the iterations whose goodness is summed at test time, 1-based) are
 * FF Recurrent's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentSpec(
        String algorithm,
        String dataset,
        int depth,
        int width,
        String goodness,
        Double threshold,
        Double alpha,
        int epochs,
        int batchSize,
        String optimizer,
        Double learningRate,
        String schedule,
        String labelMode,
        String negatives,
        String finishedLayerKeeps,
        boolean normalize,
        long seed,
        int threads,
        int maxStepsPerEpoch,
        int iterations,
        double damping,
        int scoreFrom,
        int scoreTo) {

    public static final List<String> ALGORITHMS = List.of("ff-base", "ff-recurrent", "backprop");
    public static final List<String> OPTIMIZERS = List.of("adam", "sgd");
    public static final List<String> SCHEDULES = List.of("layerwise", "simultaneous");
    public static final List<String> LABEL_MODES = List.of("overlay", "append");
    public static final List<String> NEGATIVES = List.of("uniform", "hard");
    public static final List<String> FINISHED_LAYER_KEEPS = List.of("weights", "all");

    /** The default experiment: what the README's run command trains. */
    public static ExperimentSpec defaults() {
        return new ExperimentSpec(
                "ff-base", "mnist-sample", 2, 500, "sum-squares", null, null, 10, 256, "adam", null,
                "layerwise", "overlay", "uniform", "weights", true, 1, 1, 0, 8, 0.3, 3, 5);
    }

    /** Every problem with this spec, each naming the field, the value and what is allowed. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        oneOf(problems, "algorithm", algorithm, ALGORITHMS);
        oneOf(problems, "goodness", goodness, GoodnessFunctions.names());
        oneOf(problems, "optimizer", optimizer, OPTIMIZERS);
        oneOf(problems, "schedule", schedule, SCHEDULES);
        oneOf(problems, "labelMode", labelMode, LABEL_MODES);
        oneOf(problems, "negatives", negatives, NEGATIVES);
        oneOf(problems, "finishedLayerKeeps", finishedLayerKeeps, FINISHED_LAYER_KEEPS);
        if (dataset == null || dataset.isBlank()) {
            problems.add("dataset is empty; allowed: mnist-sample, synthetic, synthetic:SEED:TRAIN:TEST, or a directory of IDX files");
        }
        atLeast(problems, "depth", depth, 1);
        atLeast(problems, "width", width, 1);
        atLeast(problems, "epochs", epochs, 1);
        atLeast(problems, "batchSize", batchSize, 1);
        atLeast(problems, "threads", threads, 1);
        atLeast(problems, "maxStepsPerEpoch", maxStepsPerEpoch, 0);
        if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
            problems.add("learningRate is " + learningRate + "; allowed: a finite number > 0");
        }
        if (threshold != null && !Double.isFinite(threshold)) {
            problems.add("threshold is " + threshold + "; allowed: a finite number");
        }
        if (alpha != null && !(alpha > 0 && Double.isFinite(alpha))) {
            problems.add("alpha is " + alpha + "; allowed: a finite number > 0");
        }
        atLeast(problems, "iterations", iterations, 1);
        if (!(damping >= 0 && damping < 1)) {
            problems.add("damping is " + damping + "; allowed: a number >= 0 and < 1 (the weight of the old state)");
        }
        if (scoreFrom < 1 || scoreTo < scoreFrom || scoreTo > iterations) {
            problems.add("scoreFrom..scoreTo is " + scoreFrom + ".." + scoreTo
                    + "; allowed: 1 <= scoreFrom <= scoreTo <= iterations (" + iterations + ")");
        }
        return problems;
    }

    /** Throws one exception listing every problem, or returns this spec. */
    public ExperimentSpec validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return this;
    }

    /** The learning rate in force: the configured one, else the algorithm's default. */
    public double effectiveLearningRate() {
        if (learningRate != null) {
            return learningRate;
        }
        return algorithm.equals("backprop") ? 0.001 : 0.003;
    }

    private static void oneOf(List<String> problems, String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            problems.add(field + " is '" + value + "'; allowed: " + String.join(", ", allowed));
        }
    }

    private static void atLeast(List<String> problems, String field, long value, long minimum) {
        if (value < minimum) {
            problems.add(field + " is " + value + "; allowed: an integer >= " + minimum);
        }
    }
}
