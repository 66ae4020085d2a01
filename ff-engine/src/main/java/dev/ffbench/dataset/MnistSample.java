package dev.ffbench.dataset;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bundled 10,000-digit MNIST subset (8,004 train / 1,996 test), read from the classpath so that the
 * default benchmark needs no download. Attribution and checksums: the README.md next to the resources.
 */
public final class MnistSample implements DatasetReader {

    public static final String NAME = "mnist-sample";
    static final String RESOURCE_DIR = "/dev/ffbench/dataset/mnist-sample/";
    static final int TRAIN_COUNT = 8004;
    static final int TEST_COUNT = 1996;

    @Override
    public Dataset load() {
        ImageSet train = split("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
        ImageSet test = split("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
        return new Dataset(NAME, train, test);
    }

    @Override
    public java.util.OptionalInt knownTrainCount() {
        return java.util.OptionalInt.of(TRAIN_COUNT);
    }

    @Override
    public java.util.Optional<KnownShape> knownShape() {
        return java.util.Optional.of(new KnownShape(28 * 28, Dataset.CLASSES));
    }

    @Override
    public String describe() {
        return NAME + " (bundled, " + IdxReader.grouped(TRAIN_COUNT) + " train / " + IdxReader.grouped(TEST_COUNT)
                + " test)";
    }

    private static ImageSet split(String imagesFile, String labelsFile) {
        IdxReader.IdxImages images;
        try (InputStream in = open(imagesFile)) {
            images = IdxReader.readImages(in, resourceName(imagesFile));
        } catch (IOException e) {
            throw new DatasetException(resourceName(imagesFile) + ": cannot close: " + e.getMessage(), e);
        }
        byte[] labels;
        try (InputStream in = open(labelsFile)) {
            labels = IdxReader.readLabels(in, resourceName(labelsFile));
        } catch (IOException e) {
            throw new DatasetException(resourceName(labelsFile) + ": cannot close: " + e.getMessage(), e);
        }
        return IdxReader.toImageSet("bundled " + NAME, imagesFile, images, labelsFile, labels);
    }

    private static InputStream open(String file) {
        InputStream in = MnistSample.class.getResourceAsStream(RESOURCE_DIR + file);
        if (in == null) {
            throw new DatasetException(resourceName(file)
                    + ": not found on the classpath, expected it bundled in the ff-engine jar");
        }
        return in;
    }

    private static String resourceName(String file) {
        return file + " (bundled resource " + RESOURCE_DIR + file + ")";
    }
}
