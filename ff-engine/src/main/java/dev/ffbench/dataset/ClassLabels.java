package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.util.function.IntFunction;

/**
 * Labels as read from a source's files, turned into classes 0..K-1 and checked: {@code firstLabel} is
 * subtracted, K is declared or the training split's label range, and a label outside the range is an
 * error naming the file, the record (or line) and the value. An inferred K must also be borne out by the
 * data ({@link InferredClasses}): no class with too few training images or none in the test split.
 */
final class ClassLabels {
    private ClassLabels() {}

    /**
     * Where one split's labels came from.
     *
     * @param file the file as messages name it, e.g. "t10k-labels-idx1-ubyte.gz (/data/fashion/t10k-labels-idx1-ubyte.gz)"
     * @param place names record {@code i} in that file: "record 4", "line 6"
     */
    record Origin(String file, IntFunction<String> place) {
        static Origin records(String file) {
            return new Origin(file, i -> "record " + i);
        }
    }

    /** Both splits' classes, 0..K-1, and K. */
    record Resolved(byte[] train, byte[] test, int classes) {}

    /**
     * @param train the training split's label values as in its file
     * @param test the test split's label values as in its file
     * @throws DatasetException naming the file, the record and the value of the first label outside the range,
     *         or the training file when it holds fewer than 2 classes; with K inferred, naming the file and the
     *         labels (as written) of classes with too few training images or no test image
     */
    static Resolved resolve(int[] train, Origin trainOrigin, int[] test, Origin testOrigin,
            DatasetOptions.LabelOptions options) {
        int first = options.firstLabel();
        Integer declared = options.classes();
        int max = ImageSet.MAX_CLASSES;
        byte[] trainClasses = new byte[train.length];
        int range = 0;
        for (int i = 0; i < train.length; i++) {
            int c = train[i] - first;
            if (c < 0 || c >= (declared != null ? declared : max)) {
                throw outside(trainOrigin, i, train[i], first, declared != null ? declared : max, options,
                        declared == null);
            }
            trainClasses[i] = (byte) c;
            range = Math.max(range, c + 1);
        }
        int classes = declared != null ? declared : range;
        if (declared == null && classes >= 2 && absent(trainClasses, 0)) {
            throw new DatasetException(Problem.found(trainOrigin.file() + ":", "no training label is " + first
                    + ", the labels run " + (first + 1) + ".." + (first + classes - 1), "labels from " + first + " (class 0)"
                    + "; labels that start at " + (first + 1) + " need firstLabel=" + (first + 1)
                    + ", and classes=K keeps an empty class 0"));
        }
        if (classes < 2) {
            throw new DatasetException(Problem.found(trainOrigin.file() + ": every training label", "is " + first
                    + " (1 class)", "at least 2 classes (labels " + first + ".." + (first + 1) + " or more"
                    + (first == 0 ? "; labels that start at 1 need firstLabel=1" : "") + ")"));
        }
        byte[] testClasses = new byte[test.length];
        for (int i = 0; i < test.length; i++) {
            int c = test[i] - first;
            if (c < 0 || c >= classes) {
                throw outside(testOrigin, i, test[i], first, classes, options, false);
            }
            testClasses[i] = (byte) c;
        }
        if (declared == null) {
            InferredClasses.Shortfall shortfall = InferredClasses.check(trainClasses, testClasses, classes, first,
                    DatasetOptions.CLASSES + "=" + classes + (first == 0 ? "" : " (with firstLabel=" + first + ")"));
            if (shortfall != null) {
                throw new DatasetException(Problem.found((shortfall.test() ? testOrigin : trainOrigin).file() + ":",
                        shortfall.finding(), shortfall.allowed()));
            }
        }
        return new Resolved(trainClasses, testClasses, classes);
    }

    private static boolean absent(byte[] classes, int c) {
        for (byte value : classes) {
            if (value == c) {
                return false;
            }
        }
        return true;
    }

    private static DatasetException outside(Origin origin, int index, int value, int first, int classes,
            DatasetOptions.LabelOptions options, boolean limitOnly) {
        String why;
        if (limitOnly) {
            why = "at most " + ImageSet.MAX_CLASSES + " classes";
        } else if (options.declaredBy() != null) {
            why = classes + " classes: " + options.declaredBy();
        } else {
            why = classes + " classes: the training split's labels " + first + ".." + (first + classes - 1)
                    + "; declare K with classes=K if the training split lacks the last classes";
        }
        if (first != 0) {
            why += "; firstLabel=" + first + " is class 0";
        }
        return new DatasetException(Problem.found(origin.file() + ": label of " + origin.place().apply(index),
                "is " + value, first + ".." + (first + classes - 1) + " (" + why + ")"));
    }
}
