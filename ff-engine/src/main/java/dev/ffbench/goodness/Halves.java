package dev.ffbench.goodness;

import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Row indexes of the positive (first) and negative (second) half of a batch column. */
final class Halves {
    private Halves() {}

    static INDArrayIndex[] first(long rows) {
        return new INDArrayIndex[] {NDArrayIndex.interval(0, rows / 2), NDArrayIndex.all()};
    }

    static INDArrayIndex[] second(long rows) {
        return new INDArrayIndex[] {NDArrayIndex.interval(rows / 2, rows), NDArrayIndex.all()};
    }
}
