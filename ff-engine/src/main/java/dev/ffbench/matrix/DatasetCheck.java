package dev.ffbench.matrix;

import dev.ffbench.dataset.DatasetException;
import dev.ffbench.dataset.DatasetReader;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.dataset.Datasets;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks a dataset value before any JVM is forked, so that a typo fails in a second with the
 * parameter's name instead of once per cell: the value must name a discovered source (or a
 * directory), and what the source can tell without reading the data (a missing directory or file, a
 * known training count smaller than the batch) must be right. The data itself is read by each cell.
 */
public final class DatasetCheck {
    private DatasetCheck() {}

    /**
     * Records the problem with {@code dataset} in {@code values}, if any, and says whether there was one;
     * relative directories resolve against {@code workingDirectory}.
     */
    static boolean check(FieldValues values, String parameter, String dataset, Path workingDirectory, Extensions extensions) {
        DatasetReader reader;
        try {
            reader = Datasets.open(dataset, workingDirectory, sources(extensions));
        } catch (DatasetException e) {
            record(values, parameter, dataset, e);
            return true;
        }
        Optional<String> quick;
        try {
            quick = reader.quickProblem();
        } catch (DatasetException e) {
            record(values, parameter, dataset, e); // a missing file, worded by the reader as it would in a cell
            return true;
        }
        quick.ifPresent(problem -> values.problem(Problem.found(parameter, "is '" + dataset + "': " + problem,
                Datasets.forms(sources(extensions)) + " (sources: " + String.join(", ", extensions.datasetSources().stream()
                        .map(s -> s.name() + " (" + s.origin() + ")").toList()) + ")")));
        return quick.isPresent();
    }

    /**
     * Records the dataset package's problem as the parameter's: "dataset is 'csv:x': <what it found>", with
     * its "allowed" as the parameter's.
     */
    private static void record(FieldValues values, String parameter, String dataset, DatasetException e) {
        Problem found = e.problem();
        values.problem(Problem.found(parameter, "is '" + dataset + "': " + found.statement(), found.allowed()));
    }

    /**
     * Records in {@code values} a batch larger than the dataset's training split, if it is (not when the
     * count is only known by loading the data: the engine then rejects the run itself).
     */
    static void checkBatch(FieldValues values, String parameter, String dataset, int batchSize, Path workingDirectory,
            Extensions extensions) {
        OptionalInt train;
        try {
            train = Datasets.open(dataset, workingDirectory, sources(extensions)).knownTrainCount();
        } catch (DatasetException e) {
            return; // reported by check()
        }
        if (train.isPresent() && batchSize > train.getAsInt()) {
            values.problem(Problem.found("batchSize", "is " + batchSize, "at most the " + train.getAsInt()
                    + " training images of dataset " + dataset + " (" + parameter + ")"));
        }
    }

    /**
     * The values per image and classes of {@code dataset} when its source knows them without loading it;
     * empty otherwise (also for a value that {@link #problem} reports).
     */
    public static Optional<DatasetShape> knownShape(String dataset, Path workingDirectory, Extensions extensions) {
        try {
            return Datasets.open(dataset, workingDirectory, sources(extensions)).knownShape();
        } catch (DatasetException e) {
            return Optional.empty();
        }
    }

    private static List<dev.ffbench.dataset.DatasetSource> sources(Extensions extensions) {
        return extensions.datasetSources().stream().map(Extensions.Provided::value).toList();
    }
}
