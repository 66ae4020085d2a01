package dev.ffbench.dataset;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Turns the user's dataset spec (a CLI option or plugin parameter) into a {@link DatasetSource}. */
public final class Datasets {

    public static final List<String> KNOWN =
            List.of("mnist-sample", "synthetic", "synthetic:SEED:TRAIN:TEST", "<directory of IDX files>");

    private static final String SYNTHETIC = "synthetic";
    private static final String IDX_PREFIX = "idx:";

    private Datasets() {
    }

    /**
     * "mnist-sample", "synthetic" (seed 42, default sizes), "synthetic:SEED:TRAIN:TEST", or a directory of
     * IDX files with an optional "idx:" prefix. Directories are not checked here: {@link DatasetSource#load()} reports them.
     */
    public static DatasetSource resolve(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("dataset is empty; expected one of " + String.join(", ", KNOWN));
        }
        if (spec.equals(MnistSample.NAME)) {
            return new MnistSample();
        }
        if (spec.equals(SYNTHETIC)) {
            return new Synthetic(spec, Synthetic.DEFAULT_SEED, Synthetic.DEFAULT_TRAIN, Synthetic.DEFAULT_TEST);
        }
        if (spec.startsWith(SYNTHETIC + ":")) {
            return synthetic(spec);
        }
        String path = spec.startsWith(IDX_PREFIX) ? spec.substring(IDX_PREFIX.length()) : spec;
        if (path.isBlank()) {
            throw new IllegalArgumentException("dataset '" + spec + "' names no directory; expected one of "
                    + String.join(", ", KNOWN));
        }
        try {
            return new IdxDirectory(spec, Path.of(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("dataset '" + spec + "' is not a valid directory path ("
                    + e.getMessage() + "); expected one of " + String.join(", ", KNOWN), e);
        }
    }

    private static DatasetSource synthetic(String spec) {
        String[] parts = spec.split(":", -1);
        String problem;
        if (parts.length != 4) {
            problem = "has " + (parts.length - 1) + " numbers, expected 3";
        } else {
            try {
                long seed = Long.parseLong(parts[1]);
                int train = Integer.parseInt(parts[2]);
                int test = Integer.parseInt(parts[3]);
                return new Synthetic(spec, seed, train, test);
            } catch (NumberFormatException e) {
                problem = "has a part that is not a whole number (" + e.getMessage() + ")";
            } catch (IllegalArgumentException e) {
                problem = "is out of range: " + e.getMessage();
            }
        }
        throw new IllegalArgumentException("malformed synthetic dataset '" + spec + "': " + problem
                + "; expected synthetic:SEED:TRAIN:TEST with whole numbers, e.g. synthetic:42:2000:500"
                + " (allowed forms: " + String.join(", ", KNOWN) + ")");
    }
}
