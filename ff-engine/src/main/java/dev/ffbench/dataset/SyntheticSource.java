package dev.ffbench.dataset;

import java.nio.file.Path;

/**
 * {@code synthetic} (seed 42, 2,000 / 500 images) or {@code synthetic:SEED:TRAIN:TEST}: seeded,
 * learnable 28x28 images generated in milliseconds (see {@link Synthetic}).
 */
public final class SyntheticSource implements DatasetSource {
    static final String NAME = "synthetic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String usage() {
        return "synthetic, synthetic:SEED:TRAIN:TEST";
    }

    @Override
    public DatasetReader open(String dataset, Path baseDirectory) {
        if (dataset.equals(NAME)) {
            return new Synthetic(dataset, Synthetic.DEFAULT_SEED, Synthetic.DEFAULT_TRAIN, Synthetic.DEFAULT_TEST);
        }
        String[] parts = dataset.split(":", -1);
        String problem;
        if (parts.length != 4) {
            problem = "has " + (parts.length - 1) + " numbers, expected 3";
        } else {
            try {
                long seed = Long.parseLong(parts[1]);
                int train = Integer.parseInt(parts[2]);
                int test = Integer.parseInt(parts[3]);
                return new Synthetic(dataset, seed, train, test);
            } catch (NumberFormatException e) {
                problem = "has a part that is not a whole number (" + e.getMessage() + ")";
            } catch (IllegalArgumentException e) {
                problem = "is out of range: " + e.getMessage();
            }
        }
        throw new DatasetException("malformed synthetic dataset '" + dataset + "': " + problem
                + "; allowed: synthetic:SEED:TRAIN:TEST with whole numbers, e.g. synthetic:42:2000:500, or synthetic alone");
    }
}
