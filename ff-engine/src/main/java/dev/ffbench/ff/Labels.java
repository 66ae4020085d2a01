package dev.ffbench.ff;

import java.util.SplittableRandom;

/**
 * Choosing labels: wrong labels for negative data (never the true one: the 2022 code's "negatives"
 * carried the true label 10 % of the time) and the predicted label from per-label scores. A tie for
 * the highest score predicts no label ({@link #TIE}), which the engine counts as wrong: breaking it
 * toward a fixed label would credit a collapsed net (all scores equal) with that label's share of
 * the data. Shared by the built-in algorithms; a project's own may use it too.
 */
public final class Labels {
    /** The prediction for a row whose highest score is shared by two or more labels: never correct. */
    public static final int TIE = dev.ffbench.api.Model.TIE;

    private Labels() {}

    /** The label with the highest score of each row, or {@link #TIE}. */
    public static int[] argMaxes(float[][] scores) {
        int[] labels = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            labels[i] = argMax(scores[i]);
        }
        return labels;
    }

    /** The label with the highest score, or {@link #TIE} when another label has exactly that score. */
    public static int argMax(float[] scores) {
        int best = 0;
        boolean tied = false;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
                tied = false;
            } else if (scores[i] == scores[best]) {
                tied = true;
            }
        }
        return tied ? TIE : best;
    }

    /**
     * A step's row labels: each of the batch's n images' own label into {@code labels[0..n)} (the
     * positives) and a wrong one for each into {@code labels[n..2n)} (the negatives), uniform over the
     * wrong labels ({@link #uniformWrong}) or, with {@code scores} (n x K, hard negatives), drawn from
     * them ({@link #wrongFromScores}). A loop of its own: in a model's step it made the step hot enough
     * for the JIT to compile it whole, every kernel inlined (docs/performance.md).
     *
     * @param scores each image's goodness under each label, or null for uniform negatives
     * @param labels at least 2n long; its first 2n entries are written
     */
    public static void positivesAndNegatives(dev.ffbench.api.Batch batch, float[][] scores, int classes, int[] labels) {
        int count = batch.count();
        SplittableRandom random = batch.random();
        for (int i = 0; i < count; i++) {
            int trueLabel = batch.label(i);
            labels[i] = trueLabel;
            labels[count + i] = scores == null ? uniformWrong(trueLabel, classes, random)
                    : wrongFromScores(scores[i], trueLabel, random);
        }
    }

    /** Uniform over the K - 1 wrong labels of {@code classes} = K. */
    public static int uniformWrong(int trueLabel, int classes, SplittableRandom random) {
        int label = random.nextInt(classes - 1);
        return label >= trueLabel ? label + 1 : label;
    }

    /**
     * Hard negatives: a wrong label drawn in proportion to the model's belief that it is right,
     * softmax over the goodness scores of the wrong labels (Hinton 2022, section 3.3).
     */
    public static int wrongFromScores(float[] scores, int trueLabel, SplittableRandom random) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < scores.length; c++) {
            if (c != trueLabel) {
                max = Math.max(max, scores[c]);
            }
        }
        double[] weights = new double[scores.length];
        double total = 0;
        for (int c = 0; c < scores.length; c++) {
            weights[c] = c == trueLabel ? 0 : Math.exp(scores[c] - max);
            total += weights[c];
        }
        double draw = random.nextDouble() * total;
        for (int c = 0; c < scores.length; c++) {
            draw -= weights[c];
            if (weights[c] > 0 && draw <= 0) {
                return c;
            }
        }
        return uniformWrong(trueLabel, scores.length, random);
    }
}
