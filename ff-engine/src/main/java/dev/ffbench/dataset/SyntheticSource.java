package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code synthetic} (seed 42, 2,000 / 500 images) or {@code synthetic:SEED:TRAIN:TEST}, each optionally
 * with {@code ;classes=K} (10 unless given): seeded, learnable 28x28 images generated in milliseconds (see
 * {@link Synthetic}).
 */
public final class SyntheticSource implements DatasetSource {
    static final String NAME = "synthetic";
    static final String USAGE = "synthetic[:SEED:TRAIN:TEST][;classes=K]";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public boolean accepts(String dataset) {
        return dataset.equals(NAME) || dataset.startsWith(NAME + ":") || dataset.startsWith(NAME + DatasetOptions.SEPARATOR);
    }

    @Override
    public DatasetReader open(String dataset, Path baseDirectory) {
        DatasetOptions options = DatasetOptions.parse(dataset, "", USAGE, List.of(DatasetOptions.CLASSES));
        Integer declared = options.whole(DatasetOptions.CLASSES, 2, ImageSet.MAX_CLASSES);
        int classes = declared == null ? Synthetic.DEFAULT_CLASSES : declared;
        String body = options.body();
        if (body.equals(NAME)) {
            return new Synthetic(dataset, Synthetic.DEFAULT_SEED, Synthetic.DEFAULT_TRAIN, Synthetic.DEFAULT_TEST, classes);
        }
        String[] parts = body.split(":", -1);
        String problem;
        if (parts.length != 4) {
            problem = "has " + (parts.length - 1) + (parts.length == 2 ? " field" : " fields") + " after 'synthetic:'"; // the usage, as allowed, says which 3
        } else {
            try {
                long seed = Long.parseLong(parts[1]);
                int train = Integer.parseInt(parts[2]);
                int test = Integer.parseInt(parts[3]);
                return new Synthetic(dataset, seed, train, test, classes);
            } catch (NumberFormatException e) {
                problem = "has a part that is not a whole number (" + e.getMessage() + ")";
            } catch (DatasetException e) {
                // a count out of range: its range goes in the finding, so that the allowed form stays the usage
                Problem count = e.problem();
                problem = "is out of range: " + count.thing() + " " + count.value() + " is not in " + count.allowed();
            }
        }
        throw new DatasetException(Problem.found("malformed synthetic dataset '" + dataset + "':", problem,
                "synthetic:SEED:TRAIN:TEST with whole numbers, e.g. synthetic:42:2000:500, or synthetic alone,"
                        + " each optionally with ;classes=K"));
    }
}
