package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void mnistSample() {
        DatasetSource source = Datasets.resolve("mnist-sample");
        assertInstanceOf(MnistSample.class, source);
        assertTrue(source.describe().startsWith("mnist-sample (bundled"), source.describe());
    }

    @Test
    void plainSyntheticUsesSeed42AndDefaults() {
        DatasetSource source = Datasets.resolve("synthetic");
        assertInstanceOf(Synthetic.class, source);
        Dataset d = source.load();
        assertEquals("synthetic", d.name());
        assertEquals(Synthetic.DEFAULT_TRAIN, d.train().count());
        assertEquals(Synthetic.DEFAULT_TEST, d.test().count());
        assertArrayEquals(new Synthetic(42).load().train().pixels(), d.train().pixels());
    }

    @Test
    void syntheticWithSeedAndCounts() {
        Dataset d = Datasets.resolve("synthetic:7:120:30").load();
        assertEquals("synthetic:7:120:30", d.name());
        assertEquals(120, d.train().count());
        assertEquals(30, d.test().count());
        assertArrayEquals(new Synthetic(7, 120, 30).load().train().pixels(), d.train().pixels());
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic:", "synthetic:7", "synthetic:7:100", "synthetic:x:100:20",
        "synthetic:7:100:20:5", "synthetic:7:-1:20", "synthetic:7:100:2.5"})
    void malformedSyntheticNamesTheValueAndAllowedForms(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.resolve(spec));
        String message = e.getMessage();
        assertTrue(message.contains("'" + spec + "'"), message);
        for (String form : Datasets.KNOWN) {
            assertTrue(message.contains(form), message);
        }
    }

    @Test
    void directoryWithAndWithoutPrefix() {
        DatasetSource prefixed = Datasets.resolve("idx:/usr/share/datasets/fashion-mnist");
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), assertInstanceOf(IdxDirectory.class, prefixed).dir());
        DatasetSource bare = Datasets.resolve("/usr/share/datasets/fashion-mnist");
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), assertInstanceOf(IdxDirectory.class, bare).dir());
        assertEquals("idx directory /usr/share/datasets/fashion-mnist", bare.describe());
    }

    @Test
    void unknownNameFailsOnLoadListingTheKnownForms() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.resolve("mnist").load());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("mnist-sample"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "idx:"})
    void emptySpecIsRejected(String spec) {
        assertThrows(IllegalArgumentException.class, () -> Datasets.resolve(spec));
    }
}
