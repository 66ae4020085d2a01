package dev.ffbench.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory of MNIST-format IDX files whose train images file is truncated (header only). */
final class BadIdx {
    static final String TRUNCATED_FILE = "train-images-idx3-ubyte";

    private BadIdx() {}

    static Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(TRUNCATED_FILE), header(0x803, 10, 28, 28)); // 10 images promised, none present
        Files.write(directory.resolve("train-labels-idx1-ubyte"), concat(header(0x801, 10), new byte[10]));
        Files.write(directory.resolve("t10k-images-idx3-ubyte"), concat(header(0x803, 2, 28, 28), new byte[2 * 28 * 28]));
        Files.write(directory.resolve("t10k-labels-idx1-ubyte"), concat(header(0x801, 2), new byte[2]));
        return directory;
    }

    private static byte[] header(int... ints) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * ints.length);
        for (int value : ints) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
