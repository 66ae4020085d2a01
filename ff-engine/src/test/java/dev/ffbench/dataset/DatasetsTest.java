package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.experiment.Extensions;
import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dataset names resolve through the discovered sources; the built-ins register like any other. */
class DatasetsTest {
    private static final Path BASE = Path.of("/work/project");
    private final List<DatasetSource> sources =
            Extensions.engine().datasetSources().stream().map(Extensions.Provided::value).toList();

    private DatasetReader open(String dataset) {
        return Datasets.open(dataset, BASE, sources);
    }

    @Test
    void theBuiltInSourcesAreDiscoveredThroughServiceLoader() {
        assertEquals(List.of("mnist-sample", "synthetic", "idx", "csv", "cifar10"),
                Extensions.engine().datasetSources().stream().map(Extensions.Provided::name).toList());
        Extensions.engine().datasetSources().forEach(s -> assertEquals(Extensions.BUILT_IN, s.origin()));
    }

    @Test
    void mnistSample() {
        DatasetReader reader = open("mnist-sample");
        assertInstanceOf(MnistSample.class, assertInstanceOf(SourcedReader.class, reader).reader());
        assertTrue(reader.describe().startsWith("mnist-sample (bundled"), reader.describe());
    }

    @Test
    void plainSyntheticUsesSeed42AndDefaults() {
        Dataset d = open("synthetic").load();
        assertEquals("synthetic", d.name());
        assertEquals(Synthetic.DEFAULT_TRAIN, d.train().count());
        assertEquals(Synthetic.DEFAULT_TEST, d.test().count());
        assertArrayEquals(new Synthetic(42).load().train().pixels(), d.train().pixels());
    }

    @Test
    void syntheticWithSeedAndCounts() {
        Dataset d = open("synthetic:7:120:30").load();
        assertEquals("synthetic:7:120:30", d.name());
        assertEquals(120, d.train().count());
        assertEquals(30, d.test().count());
        assertArrayEquals(new Synthetic(7, 120, 30).load().train().pixels(), d.train().pixels());
    }

    @Test
    void syntheticTakesAClassCount() {
        Dataset d = open("synthetic:7:120:30;classes=12").load();
        assertEquals(12, d.classes());
        assertEquals("synthetic:7:120:30;classes=12", d.name());
        assertEquals(12, open("synthetic;classes=12").load().classes());
        DatasetException e = assertThrows(DatasetException.class, () -> open("synthetic;classes=300"));
        assertEquals(new Problem("dataset 'synthetic;classes=300': option classes", "300", "a whole number 2..256"),
                e.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic:", "synthetic:7", "synthetic:7:100", "synthetic:x:100:20",
        "synthetic:7:100:20:5", "synthetic:7:-1:20", "synthetic:7:100:2.5"})
    void malformedSyntheticNamesTheValueAndTheAllowedForm(String spec) {
        DatasetException e = assertThrows(DatasetException.class, () -> open(spec));
        assertTrue(e.getMessage().contains("'" + spec + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed: synthetic:SEED:TRAIN:TEST"), e.getMessage());
    }

    @Test
    void directoryWithAndWithoutPrefixResolvesAgainstTheBaseDirectory() {
        DatasetReader prefixed = open("idx:/usr/share/datasets/fashion-mnist");
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"),
                assertInstanceOf(IdxDirectory.class, ((SourcedReader) prefixed).reader()).dir());
        DatasetReader bare = open("data/fashion");
        assertEquals(Path.of("/work/project/data/fashion"),
                assertInstanceOf(IdxDirectory.class, ((SourcedReader) bare).reader()).dir());
        assertEquals("idx directory /work/project/data/fashion", bare.describe());
        assertEquals("directory /work/project/data/fashion does not exist", bare.quickProblem().orElseThrow());
    }

    @Test
    void csvDirectoriesResolveAgainstTheBaseDirectory() {
        DatasetReader csv = open("csv:data/mnist-csv;side=28");
        assertEquals("csv directory /work/project/data/mnist-csv", csv.describe());
        assertEquals("directory /work/project/data/mnist-csv does not exist", csv.quickProblem().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "idx:"})
    void emptySpecIsRejectedListingTheForms(String spec) {
        DatasetException e = assertThrows(DatasetException.class, () -> open(spec));
        assertTrue(e.getMessage().contains("idx:DIRECTORY"), e.getMessage());
    }
}
