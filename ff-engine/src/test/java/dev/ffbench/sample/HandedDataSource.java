package dev.ffbench.sample;

import dev.ffbench.dataset.Dataset;
import dev.ffbench.dataset.DatasetException;
import dev.ffbench.dataset.DatasetReader;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.dataset.DatasetSource;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.dataset.Synthetic;
import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A project's dataset source that hands the engine what it is told to: {@code handed:CASE} builds the
 * seeded synthetic digits (400 train / 100 test, 10 classes) or one of the faults found in users' sources.
 */
public final class HandedDataSource implements DatasetSource {

    @Override
    public String name() {
        return "handed";
    }

    @Override
    public String usage() {
        return "handed:CASE";
    }

    @Override
    public DatasetReader open(String dataset, Path baseDirectory) {
        String which = dataset.substring("handed:".length());
        return new DatasetReader() {
            @Override
            public Dataset load() {
                return handed(dataset, which);
            }

            @Override
            public String describe() {
                return dataset;
            }

            @Override
            public OptionalInt knownTrainCount() {
                return which.equals("announces-500") ? OptionalInt.of(500) : OptionalInt.empty();
            }

            @Override
            public Optional<DatasetShape> knownShape() {
                return which.equals("announces-colour") ? Optional.of(new DatasetShape(32, 32, 3, 10)) : Optional.empty();
            }
        };
    }

    private static Dataset handed(String name, String which) {
        Dataset digits = new Synthetic(7, 400, 100).load();
        ImageSet train = digits.train();
        ImageSet test = digits.test();
        return switch (which) {
            case "good", "announces-500", "announces-colour" -> new Dataset(name, train, test, 10);
            case "inferred" -> new Dataset(name, train, test);
            case "empty-test" -> new Dataset(name, train, new ImageSet(0, 28, 28, new byte[0], new byte[0]), 10);
            case "fewer-labels" -> new Dataset(name, train, new ImageSet(test.count(), 28, 28, test.pixels(),
                    Arrays.copyOf(test.labels(), test.count() - 1)), 10);
            case "short-pixels" -> new Dataset(name, new ImageSet(train.count(), 28, 28,
                    Arrays.copyOf(train.pixels(), train.pixels().length - 1), train.labels()), test, 10);
            case "stray-label" -> new Dataset(name, withLastLabel(train, 10), test);
            case "label-above-k" -> new Dataset(name, train, withLastLabel(test, 10), 10);
            case "null" -> null;
            case "own-error" -> throw new DatasetException(Problem.found("data.bin:", "no such file", "a data.bin file"));
            default -> throw new IllegalArgumentException(which);
        };
    }

    private static ImageSet withLastLabel(ImageSet set, int label) {
        byte[] labels = set.labels().clone();
        labels[labels.length - 1] = (byte) label;
        return new ImageSet(set.count(), set.height(), set.width(), set.pixels(), labels);
    }
}
