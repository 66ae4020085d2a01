package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.experiment.Extensions;
import dev.ffbench.io.Problem;
import dev.ffbench.sample.HandedDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a project's own dataset source hands over is checked where it enters ({@link Datasets#open}'s
 * reader), in one message naming the dataset as written, the source's name and its class.
 */
class ProjectSourceTest {
    private static final String SOURCE = "(source handed, " + HandedDataSource.class.getName() + ")";

    private static List<DatasetSource> sources() {
        List<DatasetSource> sources = new ArrayList<>(
                Extensions.engine().datasetSources().stream().map(Extensions.Provided::value).toList());
        sources.add(new HandedDataSource());
        return sources;
    }

    private static Dataset load(String dataset) {
        return Datasets.open(dataset, Path.of("/"), sources()).load();
    }

    private static String failure(String dataset) {
        return assertThrows(DatasetException.class, () -> load(dataset)).getMessage();
    }

    /** The problem the exception carries, named by the dataset and its source; its message is that problem's sentence. */
    private static Problem problem(String dataset) {
        DatasetException e = assertThrows(DatasetException.class, () -> load(dataset));
        assertEquals(e.problem().message(), e.getMessage());
        return e.problem();
    }

    private static String origin(String dataset) {
        return "dataset '" + dataset + "' " + SOURCE;
    }

    @Test
    void goodDataPasses() {
        assertEquals(400, load("handed:good").train().count());
        assertEquals(10, load("handed:inferred").classes());
    }

    @Test
    void anEmptySplitIsRefused() {
        assertEquals("dataset 'handed:empty-test' " + SOURCE + ": test split has 0 images; allowed: at least 1 image in"
                + " each split", failure("handed:empty-test"));
    }

    @Test
    void countsThatDoNotMatchAreRefused() {
        assertEquals(Problem.found(origin("handed:fewer-labels") + ": test split", "has 100 images but 99 labels",
                "one label per image"), problem("handed:fewer-labels"));
        assertEquals(Problem.found(origin("handed:short-pixels") + ": train split", "has 313,599 pixel values for 400"
                + " images of 28x28", "313,600 (count x height x width x channels, 784 per image)"),
                problem("handed:short-pixels"));
    }

    @Test
    void labelsOutsideKAndStrayClassesAreRefused() {
        assertEquals(Problem.found(origin("handed:label-above-k") + ": test label of image 99", "is 10",
                "0..9 (10 classes)"), problem("handed:label-above-k"));
        assertEquals(Problem.found(origin("handed:stray-label") + ": test split:", "no test image for label 10"
                + " (1 training image)", "at least 1 test image per class when K is inferred from the training"
                + " labels (here 11: labels 0..10, the largest plus one); if these classes are meant, declare K:"
                + " new Dataset(name, train, test, 11)"), problem("handed:stray-label"));
    }

    @Test
    void nothingOrAnotherShapeThanAnnouncedIsRefused() {
        assertTrue(failure("handed:null").matches("dataset 'handed:null' \\Q" + SOURCE + "\\E: \\S+\\.load\\(\\) returned"
                + " null; allowed: a Dataset"), failure("handed:null"));
        assertEquals(Problem.found(origin("handed:announces-500") + ": 400 training images",
                "loaded, but knownTrainCount() announced 500", "the count loaded, or empty"), problem("handed:announces-500"));
        // the sentence users read, pinned once
        assertEquals("dataset 'handed:announces-colour' " + SOURCE + ": images of 28x28 in 10 classes loaded, but"
                + " knownShape() announced images of 32x32x3 in 10 classes; allowed: the shape loaded, or empty",
                failure("handed:announces-colour"));
    }

    @Test
    void aProjectSourcesOwnProblemIsKeptAsDataNamedWithTheSource() {
        DatasetSource own = new DatasetSource() {
            @Override
            public String name() {
                return "own";
            }

            @Override
            public String usage() {
                return "own:FILE";
            }

            @Override
            public DatasetReader open(String dataset, Path baseDirectory) {
                return new DatasetReader() {
                    @Override
                    public Dataset load() {
                        throw new DatasetException(new Problem("data.bin: magic number", "7", "42"));
                    }

                    @Override
                    public String describe() {
                        return dataset;
                    }
                };
            }
        };
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.open("own:data.bin", Path.of("/"), List.of(own)).load());
        String origin = "dataset 'own:data.bin' (source own, " + own.getClass().getName() + ")";
        assertEquals(new Problem(origin + ": data.bin: magic number", "7", "42"), e.problem());
        assertEquals(origin + ": data.bin: magic number is '7'; allowed: 42", e.getMessage());
    }

    @Test
    void aProjectSourcesOwnErrorIsNamedWithTheSourceABuiltInsNamesItsFiles() {
        assertEquals("dataset 'handed:own-error' " + SOURCE + ": data.bin: no such file; allowed: a data.bin file",
                failure("handed:own-error"));
        assertTrue(failure("idx:/nonexistent/fashion").startsWith("dataset directory /nonexistent/fashion does not exist; "),
                failure("idx:/nonexistent/fashion"));
    }
}
