package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.dataset.Dataset;
import dev.ffbench.dataset.DatasetException;
import dev.ffbench.dataset.DatasetReader;
import dev.ffbench.dataset.DatasetSource;
import dev.ffbench.dataset.Datasets;
import dev.ffbench.sample.SampleExtensions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's dataset source, discovered as a user's jar brings it, is checked where the engine calls it:
 * its exceptions and its misleading answers become one DatasetException naming the dataset, the source and
 * its class, the method and the line.
 */
class SourceCodeFaultsTest {
    @TempDir
    Path dir;

    private List<DatasetSource> sources() {
        return Extensions.discover(SampleExtensions.loader(dir, Map.of(DatasetSource.class,
                List.of(ThrowingOpen.class.getName(), BrokenReader.class.getName())))).datasetSources().stream()
                .map(Extensions.Provided::value).toList();
    }

    @Test
    void anExceptionFromOpenNamesTheSourceItsClassAndTheLine() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.open("throwing:x", dir, sources()));
        assertTrue(e.getMessage().startsWith("dataset 'throwing:x' (source throwing, " + ThrowingOpen.class.getName()
                + "): open(dataset, baseDirectory) threw java.lang.IllegalStateException: no index at "
                + ThrowingOpen.class.getName() + ".open(SourceCodeFaultsTest.java:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; allowed: open(dataset, baseDirectory) returns its value, or throws a"
                + " DatasetException naming what is wrong"), e.getMessage());
    }

    @Test
    void aReaderThatThrowsOrAnswersNonsenseIsNamed() {
        DatasetReader reader = Datasets.open("broken:1", dir, sources());
        DatasetException count = assertThrows(DatasetException.class, reader::knownTrainCount);
        assertEquals("dataset 'broken:1' (source broken, " + BrokenReader.class.getName() + "): knownTrainCount() returned"
                + " OptionalInt[-3]; allowed: a count >= 1, or OptionalInt.empty() when only loading can tell", count.getMessage());
        DatasetException load = assertThrows(DatasetException.class, reader::load);
        assertTrue(load.getMessage().startsWith("dataset 'broken:1' (source broken, " + BrokenReader.class.getName()
                + "): load() threw java.lang.ArithmeticException: / by zero at " + BrokenReader.class.getName()),
                load.getMessage());
    }

    public static final class ThrowingOpen implements DatasetSource {
        public String name() { return "throwing"; }

        public String usage() { return "throwing:INDEX"; }

        public DatasetReader open(String dataset, Path baseDirectory) {
            throw new IllegalStateException("no index");
        }
    }

    public static final class BrokenReader implements DatasetSource {
        public String name() { return "broken"; }

        public String usage() { return "broken:N"; }

        public DatasetReader open(String dataset, Path baseDirectory) {
            int images = Integer.parseInt(dataset.substring("broken:".length()));
            return new DatasetReader() {
                public Dataset load() {
                    return images / (images - 1) > 0 ? null : null;
                }

                public String describe() { return dataset; }

                @Override
                public OptionalInt knownTrainCount() { return OptionalInt.of(-3); }
            };
        }
    }
}
