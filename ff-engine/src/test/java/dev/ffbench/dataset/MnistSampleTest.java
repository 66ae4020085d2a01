package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MnistSampleTest {
    private static final int DIGITS = 10;

    /** Copied from /work/shared/datasets/mnist-sample/README.md, the provenance of the bundled files. */
    private static final Map<String, String> SHA256 = Map.of(
            "t10k-images-idx3-ubyte.gz", "29cb2797ec8eeefce9e7841ba01ebbe6c86120b2393656d6394bdf4c52f9395b",
            "t10k-labels-idx1-ubyte.gz", "9e2801cb27903bfb68d554feb3ce9af32921c7956b8ba0a71b81ac7f679174b1",
            "train-images-idx3-ubyte.gz", "80798b938a266e2d7a2227a265a8bbad289a6a56502414d57b2a9c0092c0ca7d",
            "train-labels-idx1-ubyte.gz", "33c36d7ac36cfee8e733d4f493513a6c457188d88e5844ff5c6689d94bed2aec");

    private static Dataset sample;

    @BeforeAll
    static void load() {
        sample = new MnistSample().load();
    }

    private static int[] classCounts(ImageSet set) {
        int[] counts = new int[DIGITS];
        for (int i = 0; i < set.count(); i++) {
            counts[set.label(i)]++;
        }
        return counts;
    }

    @Test
    void countsAndImageSize() {
        assertEquals("mnist-sample", sample.name());
        assertEquals(8004, sample.train().count());
        assertEquals(1996, sample.test().count());
        assertEquals(28, sample.train().height());
        assertEquals(28, sample.train().width());
        assertEquals(784, sample.pixelsPerImage());
        assertEquals(8004L * 785, sample.train().bytes());
    }

    @Test
    void trainClassCountsMatchTheReadme() {
        assertArrayEquals(new int[] {801, 902, 793, 826, 784, 691, 812, 856, 756, 783}, classCounts(sample.train()));
        int[] test = classCounts(sample.test());
        for (int c = 0; c < DIGITS; c++) {
            // Stratified 80/20: each test class is about a quarter of its train class.
            assertEquals(classCounts(sample.train())[c] / 4.0, test[c], 2.0, "test count of digit " + c);
        }
    }

    @Test
    void pixelsSpanTheFullByteRange() {
        int min = 255;
        int max = 0;
        for (byte b : sample.train().pixels()) {
            min = Math.min(min, Byte.toUnsignedInt(b));
            max = Math.max(max, Byte.toUnsignedInt(b));
        }
        assertEquals(0, min);
        assertEquals(255, max);
    }

    @Test
    void bundledResourcesMatchThePublishedSha256() throws IOException, NoSuchAlgorithmException {
        for (Map.Entry<String, String> e : SHA256.entrySet()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = MnistSample.class.getResourceAsStream(MnistSample.RESOURCE_DIR + e.getKey())) {
                assertNotNull(in, e.getKey());
                new DigestInputStream(in, sha).transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertEquals(e.getValue(), HexFormat.of().formatHex(sha.digest()), e.getKey());
        }
    }

    @Test
    void tenClassesAndTheBundledFilesAsItsFingerprint() {
        assertEquals(DIGITS, sample.classes());
        assertEquals(List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz"), sample.files().stream().map(DatasetFile::name).toList());
        assertTrue(sample.files().stream().allMatch(f -> f.bytes() > 0));
        assertEquals(sample.contentHash(), new MnistSample().load().contentHash(), "the same bytes every time");
    }

    @Test
    void describeShowsTheSplit() {
        assertEquals("mnist-sample (bundled, 8,004 train / 1,996 test)", new MnistSample().describe());
    }
}
