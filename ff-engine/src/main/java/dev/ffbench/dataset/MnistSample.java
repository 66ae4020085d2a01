package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled 10,000-digit MNIST subset (8,004 train / 1,996 test, 28x28, 10 classes), read from the
 * classpath so that the default benchmark needs no download. Attribution and checksums: the README.md next
 * to the resources. Its fingerprint names the four gzipped IDX files, as a directory holding copies of
 * them would.
 */
public final class MnistSample implements DatasetReader {

    public static final String NAME = "mnist-sample";
    static final String RESOURCE_DIR = "/dev/ffbench/dataset/mnist-sample/";
    static final int TRAIN_COUNT = 8004;
    static final int TEST_COUNT = 1996;
    static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    /** What a problem reading a bundled file says is allowed. */
    private static final String BUNDLED = "a readable resource bundled in the ff-engine jar";

    @Override
    public Dataset load() {
        List<DatasetFile> files = new ArrayList<>();
        byte[][] contents = new byte[FILES.size()][];
        IdxReader.IdxFile[] names = new IdxReader.IdxFile[FILES.size()];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = read(FILES.get(i));
            names[i] = new IdxReader.IdxFile(FILES.get(i), resourceName(FILES.get(i)));
            files.add(new DatasetFile(FILES.get(i), contents[i].length));
        }
        return IdxReader.toDataset(NAME, "bundled " + NAME,
                names[0], IdxReader.readImages(new ByteArrayInputStream(contents[0]), names[0].described()),
                names[1], IdxReader.readLabels(new ByteArrayInputStream(contents[1]), names[1].described()),
                names[2], IdxReader.readImages(new ByteArrayInputStream(contents[2]), names[2].described()),
                names[3], IdxReader.readLabels(new ByteArrayInputStream(contents[3]), names[3].described()),
                DatasetOptions.LabelOptions.declared(10, "the 10 digits of mnist-sample"), files);
    }

    @Override
    public java.util.OptionalInt knownTrainCount() {
        return java.util.OptionalInt.of(TRAIN_COUNT);
    }

    @Override
    public java.util.Optional<DatasetShape> knownShape() {
        return java.util.Optional.of(new DatasetShape(28, 28, 1, 10));
    }

    @Override
    public String describe() {
        return NAME + " (bundled, " + IdxReader.grouped(TRAIN_COUNT) + " train / " + IdxReader.grouped(TEST_COUNT)
                + " test)";
    }

    private static byte[] read(String file) {
        try (InputStream in = MnistSample.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new DatasetException(Problem.found(resourceName(file) + ":", "not found on the classpath", BUNDLED));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DatasetException(Problem.found(resourceName(file) + ":", "cannot read: " + e.getMessage(), BUNDLED), e);
        }
    }

    private static String resourceName(String file) {
        return file + " (bundled resource " + RESOURCE_DIR + file + ")";
    }
}
