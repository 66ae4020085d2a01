package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a source says of its data before loading it is what loading gives. */
class KnownShapeTest {

    @Test
    void theBundledAndSyntheticDatasetsKnowTheirImageSizeAndClassesBeforeLoading() {
        for (DatasetReader reader : List.of(new MnistSample(), new Synthetic(7, 200, 50), new Synthetic(7, 200, 50, 26))) {
            assertEquals(Optional.of(reader.load().shape()), reader.knownShape(), reader.describe());
        }
    }

    @Test
    void aDirectoryOfFilesKnowsNothingBeforeItIsRead() {
        assertEquals(Optional.empty(), new IdxDirectory(java.nio.file.Path.of("no-such-directory")).knownShape());
    }
}
