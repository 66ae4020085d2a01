package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a source says of its data before loading it is what loading gives. */
class KnownShapeTest {

    @Test
    void theBundledAndSyntheticDatasetsKnowTheirImageSizeAndClassesBeforeLoading() {
        for (DatasetReader reader : List.of(new MnistSample(), new Synthetic(7, 200, 50))) {
            Dataset loaded = reader.load();
            assertEquals(Optional.of(new DatasetReader.KnownShape(loaded.pixelsPerImage(), loaded.classes())),
                    reader.knownShape(), reader.describe());
        }
    }

    @Test
    void aDirectoryOfFilesKnowsNothingBeforeItIsRead() {
        assertEquals(Optional.empty(), new IdxDirectory(java.nio.file.Path.of("no-such-directory")).knownShape());
    }
}
