package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.util.Random;

/**
 * Seeded 28x28 grey images for tests and smoke runs: each of the K classes (10 unless given) is a fixed
 * random stroke pattern drawn from the seed; each image is its class pattern with a small random shift,
 * contrast change and pixel noise. Classes are balanced (image i of a split has class i mod K before
 * shuffling). Learnable in a few epochs, generated in milliseconds, byte-identical for the same seed and K.
 */
public final class Synthetic implements DatasetReader {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_TRAIN = 2000;
    public static final int DEFAULT_TEST = 500;
    public static final int SIDE = 28;
    /** Keeps a typo (an extra zero) from allocating gigabytes. */
    public static final int MAX_COUNT = 1_000_000;
    public static final int DEFAULT_CLASSES = 10;

    private static final int STROKES = 3;
    private static final int MAX_SHIFT = 2;
    private static final double NOISE_SD = 20.0;

    private final String name;
    private final long seed;
    private final int trainCount;
    private final int testCount;
    private final int classes;

    public Synthetic(long seed, int trainCount, int testCount) {
        this("synthetic:" + seed + ":" + trainCount + ":" + testCount, seed, trainCount, testCount, DEFAULT_CLASSES);
    }

    /**
     * @param classes K, 2..{@value ImageSet#MAX_CLASSES}
     * @throws DatasetException when a count is outside 1..{@value #MAX_COUNT} or K outside 2..256
     */
    public Synthetic(long seed, int trainCount, int testCount, int classes) {
        this("synthetic:" + seed + ":" + trainCount + ":" + testCount + (classes == DEFAULT_CLASSES ? "" : ";classes=" + classes),
                seed, trainCount, testCount, classes);
    }

    public Synthetic(long seed) {
        this(seed, DEFAULT_TRAIN, DEFAULT_TEST);
    }

    /** {@code name} is the dataset name as the user wrote it, e.g. "synthetic". */
    Synthetic(String name, long seed, int trainCount, int testCount, int classes) {
        checkCount("train", trainCount);
        checkCount("test", testCount);
        if (classes < 2 || classes > ImageSet.MAX_CLASSES) {
            throw new DatasetException(new Problem("synthetic classes", String.valueOf(classes), "2.." + ImageSet.MAX_CLASSES));
        }
        this.name = name;
        this.seed = seed;
        this.trainCount = trainCount;
        this.testCount = testCount;
        this.classes = classes;
    }

    private static void checkCount(String split, int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new DatasetException(new Problem("synthetic " + split + " count", String.valueOf(count),
                    "1.." + IdxReader.grouped(MAX_COUNT)));
        }
    }

    @Override
    public Dataset load() {
        // java.util.Random's sequence is fixed by its specification, so a seed means the same bytes on every JDK.
        Random rng = new Random(seed);
        float[][] prototypes = new float[classes][];
        for (int c = 0; c < prototypes.length; c++) {
            prototypes[c] = prototype(rng);
        }
        ImageSet train = split(rng, prototypes, trainCount);
        ImageSet test = split(rng, prototypes, testCount);
        return new Dataset(name, train, test, classes);
    }

    @Override
    public java.util.OptionalInt knownTrainCount() {
        return java.util.OptionalInt.of(trainCount);
    }

    @Override
    public java.util.Optional<DatasetShape> knownShape() {
        return java.util.Optional.of(new DatasetShape(SIDE, SIDE, 1, classes));
    }

    @Override
    public String describe() {
        return "synthetic (seed " + seed + ", " + IdxReader.grouped(trainCount) + " train / "
                + IdxReader.grouped(testCount) + " test, " + SIDE + "x" + SIDE + ", " + classes + " classes)";
    }

    /** Intensities 0..1 of a few thick line segments inside the central area, so shifts never crop them. */
    private static float[] prototype(Random rng) {
        float[] p = new float[SIDE * SIDE];
        int lo = 4 + MAX_SHIFT;
        int span = SIDE - 2 * lo;
        for (int s = 0; s < STROKES; s++) {
            double ax = lo + rng.nextDouble() * span;
            double ay = lo + rng.nextDouble() * span;
            double bx = lo + rng.nextDouble() * span;
            double by = lo + rng.nextDouble() * span;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double d = distanceToSegment(x, y, ax, ay, bx, by);
                    // Full intensity within 1 pixel of the stroke, fading to 0 at 2 pixels: an anti-aliased pen.
                    float v = (float) Math.max(0.0, Math.min(1.0, 2.0 - d));
                    p[y * SIDE + x] = Math.max(p[y * SIDE + x], v);
                }
            }
        }
        return p;
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }

    private static ImageSet split(Random rng, float[][] prototypes, int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % prototypes.length);
        }
        for (int i = count - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            byte t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        int ppi = SIDE * SIDE;
        byte[] pixels = new byte[count * ppi];
        for (int i = 0; i < count; i++) {
            float[] proto = prototypes[Byte.toUnsignedInt(labels[i])];
            int sx = rng.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
            int sy = rng.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
            double contrast = 255.0 * (0.75 + 0.35 * rng.nextDouble());
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int ox = x - sx;
                    int oy = y - sy;
                    double base = ox < 0 || oy < 0 || ox >= SIDE || oy >= SIDE ? 0 : proto[oy * SIDE + ox] * contrast;
                    long v = Math.round(base + rng.nextGaussian() * NOISE_SD);
                    pixels[i * ppi + y * SIDE + x] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return new ImageSet(count, SIDE, SIDE, pixels, labels);
    }
}
