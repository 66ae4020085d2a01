package dev.ffbench.dataset;

import java.util.Objects;

/** A dataset: a name (as the user wrote it), a train and a test split with the same image size. */
public record Dataset(String name, ImageSet train, ImageSet test) {

    public static final int CLASSES = 10;

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new IllegalArgumentException("dataset " + name + ": train images are " + train.height() + "x"
                    + train.width() + " but test images are " + test.height() + "x" + test.width()
                    + ", expected the same size");
        }
    }

    public int pixelsPerImage() {
        return train.pixelsPerImage();
    }

    /** K, the number of classes: labels are 0..K-1. */
    public int classes() {
        return CLASSES;
    }
}
