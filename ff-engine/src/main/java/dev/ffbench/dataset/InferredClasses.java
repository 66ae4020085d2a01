package dev.ffbench.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * The check on a K inferred from the training labels (no {@code classes=K}, or {@code new Dataset(name,
 * train, test)}): one stray label (10 or 255 among the digits 0..9) would otherwise make K 11 or 256
 * in silence, with classes that hold one image or none, and the cell would pass. Refused: a class with
 * fewer training images than {@value #PERCENT_OF_MEAN} % of the mean per class (n / K), and never
 * fewer than 1; and a class with no image in the test split. A declared K is taken as meant and not
 * checked here.
 */
final class InferredClasses {
    /** A class with fewer training images than this share of the mean per class is refused as a stray. */
    static final int PERCENT_OF_MEAN = 1;

    private InferredClasses() {}

    /**
     * What is wrong with the classes, for a {@link dev.ffbench.io.Problem} whose thing names where the labels
     * came from (a file, a split).
     *
     * @param test whether it is the test split (else the training split)
     * @param finding what was found: "too few training images: label 10: 1 image"
     * @param allowed the allowed form and how to declare K
     */
    record Shortfall(boolean test, String finding, String allowed) {}

    /**
     * The fewest training images a class may have among {@code images} of {@code classes} classes:
     * {@value #PERCENT_OF_MEAN} % of the mean images per class, rounded up, and at least 1.
     */
    static int minimumTrainImages(int images, int classes) {
        long share = 100L / PERCENT_OF_MEAN * classes;
        return (int) Math.max(1, (images + share - 1) / share);
    }

    /**
     * @param train the training split's classes 0..K-1
     * @param test the test split's classes 0..K-1
     * @param firstLabel the label value of class 0, to name labels as written
     * @param declare how the user declares K, e.g. "classes=11", with K in it
     * @return the first problem, or null when every class has enough training images and at least one test image
     */
    static Shortfall check(byte[] train, byte[] test, int classes, int firstLabel, String declare) {
        int[] trainCounts = counts(train, classes);
        int[] testCounts = counts(test, classes);
        int minimum = minimumTrainImages(train.length, classes);
        String inferred = "when K is inferred from the training labels (here " + classes + ": labels " + firstLabel
                + ".." + (firstLabel + classes - 1) + ", the largest plus one); if these classes are meant, declare K: "
                + declare;
        List<int[]> few = runs(trainCounts, c -> trainCounts[c] < minimum);
        if (!few.isEmpty()) {
            return new Shortfall(false, "too few training images: " + join(few.stream()
                    .map(r -> labels(r, firstLabel) + ": " + images(trainCounts[r[0]], r)).toList()),
                    "at least " + minimum + " per class (" + PERCENT_OF_MEAN + " % of the mean, "
                    + String.format(java.util.Locale.ROOT, "%.1f", train.length / (double) classes) + " = "
                    + IdxReader.grouped(train.length) + " images / " + classes + " classes, and at least 1) " + inferred);
        }
        List<int[]> absent = runs(testCounts, c -> testCounts[c] == 0);
        if (!absent.isEmpty()) {
            return new Shortfall(true, "no test image for " + join(absent.stream()
                    .map(r -> labels(r, firstLabel) + " (" + images(trainCounts[r[0]], r).replace("image", "training image")
                            + ")").toList()),
                    "at least 1 test image per class " + inferred);
        }
        return null;
    }

    private static int[] counts(byte[] classes, int k) {
        int[] counts = new int[k];
        for (byte c : classes) {
            counts[Byte.toUnsignedInt(c)]++;
        }
        return counts;
    }

    /** Runs {from, to} of consecutive classes that fail {@code test} and share one count. */
    private static List<int[]> runs(int[] counts, java.util.function.IntPredicate test) {
        List<int[]> runs = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (!test.test(c)) {
                continue;
            }
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1] == c - 1 && counts[last[0]] == counts[c]) {
                last[1] = c;
            } else {
                runs.add(new int[] {c, c});
            }
        }
        return runs;
    }

    /** "label 10" or "labels 10..254", as written in the files. */
    private static String labels(int[] run, int first) {
        return run[0] == run[1] ? "label " + (run[0] + first) : "labels " + (run[0] + first) + ".." + (run[1] + first);
    }

    /** "1 image", "0 images each" (a run of several classes). */
    private static String images(int count, int[] run) {
        return count + (count == 1 ? " image" : " images") + (run[0] == run[1] ? "" : " each");
    }

    /** "a", "a and b", "a, b and c"; past 5 parts "a, b, c, d, e and 3 more". */
    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        if (parts.size() <= 5) {
            return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        }
        return String.join(", ", parts.subList(0, 5)) + " and " + (parts.size() - 5) + " more";
    }
}
