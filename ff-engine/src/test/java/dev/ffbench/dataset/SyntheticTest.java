package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticTest {

    @Test
    void sameSeedGivesByteIdenticalData() {
        Dataset a = new Synthetic(7, 300, 100).load();
        Dataset b = new Synthetic(7, 300, 100).load();
        assertArrayEquals(a.train().pixels(), b.train().pixels());
        assertArrayEquals(a.train().labels(), b.train().labels());
        assertArrayEquals(a.test().pixels(), b.test().pixels());
        assertArrayEquals(a.test().labels(), b.test().labels());
    }

    @Test
    void differentSeedsGiveDifferentData() {
        Dataset a = new Synthetic(7, 300, 100).load();
        Dataset b = new Synthetic(8, 300, 100).load();
        assertFalse(Arrays.equals(a.train().pixels(), b.train().pixels()));
        assertFalse(Arrays.equals(a.train().labels(), b.train().labels()));
    }

    @Test
    void defaultsAndShape() {
        Dataset d = new Synthetic(Synthetic.DEFAULT_SEED).load();
        assertEquals(Synthetic.DEFAULT_TRAIN, d.train().count());
        assertEquals(Synthetic.DEFAULT_TEST, d.test().count());
        assertEquals(28, d.train().height());
        assertEquals(28, d.train().width());
        assertEquals("synthetic:42:2000:500", d.name());
    }

    @Test
    void classesAreBalancedAndShuffled() {
        Dataset d = new Synthetic(3, 2000, 25).load();
        int[] train = new int[Synthetic.DEFAULT_CLASSES];
        int[] test = new int[Synthetic.DEFAULT_CLASSES];
        for (byte label : d.train().labels()) {
            train[label]++;
        }
        for (byte label : d.test().labels()) {
            test[label]++;
        }
        for (int c = 0; c < Synthetic.DEFAULT_CLASSES; c++) {
            assertEquals(200, train[c]);
            assertTrue(test[c] == 2 || test[c] == 3, "test count of class " + c + " is " + test[c]);
        }
        byte[] unshuffled = new byte[2000];
        for (int i = 0; i < unshuffled.length; i++) {
            unshuffled[i] = (byte) (i % 10);
        }
        assertFalse(Arrays.equals(unshuffled, d.train().labels()));
    }

    @Test
    void pixelsUseTheFullRange() {
        ImageSet train = new Synthetic(5, 200, 10).load().train();
        int min = 255;
        int max = 0;
        for (int i = 0; i < train.count(); i++) {
            for (int p = 0; p < train.pixelsPerImage(); p++) {
                min = Math.min(min, train.pixel(i, p));
                max = Math.max(max, train.pixel(i, p));
            }
        }
        assertEquals(0, min);
        assertEquals(255, max);
    }

    /** Learnable means a model can beat chance by far: even a nearest class mean does. */
    @Test
    void nearestClassMeanClassifiesTheTestSplit() {
        Dataset d = new Synthetic(11, 1000, 300).load();
        int ppi = d.pixelsPerImage();
        double[][] means = new double[Synthetic.DEFAULT_CLASSES][ppi];
        int[] counts = new int[Synthetic.DEFAULT_CLASSES];
        for (int i = 0; i < d.train().count(); i++) {
            int c = d.train().label(i);
            counts[c]++;
            for (int p = 0; p < ppi; p++) {
                means[c][p] += d.train().pixel(i, p);
            }
        }
        int correct = 0;
        for (int i = 0; i < d.test().count(); i++) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < Synthetic.DEFAULT_CLASSES; c++) {
                double distance = 0;
                for (int p = 0; p < ppi; p++) {
                    double diff = d.test().pixel(i, p) - means[c][p] / counts[c];
                    distance += diff * diff;
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            correct += best == d.test().label(i) ? 1 : 0;
        }
        double accuracy = correct / (double) d.test().count();
        assertTrue(accuracy > 0.8, "nearest-mean accuracy " + accuracy);
    }

    @Test
    void anyNumberOfClassesBalanced() {
        Dataset d = new Synthetic(3, 470, 94, 47).load();
        assertEquals(47, d.classes());
        assertEquals("synthetic:3:470:94;classes=47", d.name());
        int[] counts = new int[47];
        for (int i = 0; i < d.train().count(); i++) {
            counts[d.train().label(i)]++;
        }
        for (int c = 0; c < 47; c++) {
            assertEquals(10, counts[c], "train images of class " + c);
        }
        DatasetException e = assertThrows(DatasetException.class, () -> new Synthetic(1, 10, 10, 1));
        assertEquals(new Problem("synthetic classes", "1", "2..256"), e.problem());
    }

    @Test
    void countsOutOfRangeAreRejected() {
        DatasetException e = assertThrows(DatasetException.class, () -> new Synthetic(1, 0, 10));
        assertEquals(new Problem("synthetic train count", "0", "1..1,000,000"), e.problem());
        assertEquals(new Problem("synthetic test count", "1000001", "1..1,000,000"),
                assertThrows(DatasetException.class, () -> new Synthetic(1, 10, Synthetic.MAX_COUNT + 1)).problem());
    }

    @Test
    void aMalformedSyntheticDatasetIsNamedWithWhatIsAllowed() {
        String usage = "synthetic:SEED:TRAIN:TEST with whole numbers, e.g. synthetic:42:2000:500, or synthetic alone,"
                + " each optionally with ;classes=K";
        assertEquals(Problem.found("malformed synthetic dataset 'synthetic:1:2':", "has 2 fields after 'synthetic:'", usage),
                assertThrows(DatasetException.class, () -> new SyntheticSource().open("synthetic:1:2", Path.of("/"))).problem());
        // a count out of range says its own range, then the allowed form (the sentence users read, pinned once)
        DatasetException outOfRange = assertThrows(DatasetException.class,
                () -> new SyntheticSource().open("synthetic:1:0:5", Path.of("/")));
        assertEquals(Problem.found("malformed synthetic dataset 'synthetic:1:0:5':",
                "is out of range: synthetic train count 0 is not in 1..1,000,000", usage), outOfRange.problem());
        assertEquals("malformed synthetic dataset 'synthetic:1:0:5': is out of range: synthetic train count 0 is not in"
                + " 1..1,000,000; allowed: " + usage, outOfRange.getMessage());
    }

    /**
     * Classes are balanced, so the sizes tests use (synthetic:7:40:20, synthetic:7:400:100, the defaults, 47 classes)
     * never hold a class that the check on an inferred K would take for a stray: written to files and read back
     * without classes=K, they load.
     */
    @Test
    void everyClassHasItsShareInBothSplitsSoAnInferredKPasses() {
        for (Synthetic synthetic : new Synthetic[] {new Synthetic(7, 40, 20), new Synthetic(7, 400, 100),
            new Synthetic(Synthetic.DEFAULT_SEED), new Synthetic(11, 47 * 40, 47 * 10, 47), new Synthetic(7, 40, 10)}) {
            Dataset d = synthetic.load();
            for (ImageSet split : new ImageSet[] {d.train(), d.test()}) {
                int[] counts = new int[d.classes()];
                for (int i = 0; i < split.count(); i++) {
                    counts[split.label(i)]++;
                }
                int min = Arrays.stream(counts).min().orElseThrow();
                int max = Arrays.stream(counts).max().orElseThrow();
                assertTrue(min >= 1 && max - min <= 1, d.name() + ": " + Arrays.toString(counts));
            }
            assertEquals(null, InferredClasses.check(d.train().labels(), d.test().labels(), d.classes(), 0, "classes="
                    + d.classes()), d.name());
            assertEquals(d.classes(), new Dataset(d.name(), d.train(), d.test()).classes(), d.name());
        }
    }
}
