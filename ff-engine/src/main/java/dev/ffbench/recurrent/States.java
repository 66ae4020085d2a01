package dev.ffbench.recurrent;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hidden states of two consecutive time steps, allocated once per step in the step workspace:
 * synchronous updates read {@code previous} and write {@code next}, then the two swap. Nothing older
 * is kept, so memory does not grow with the number of iterations.
 */
final class States {
    private INDArray[] previous;
    private INDArray[] next;
    private final INDArray image;
    private final INDArray labels;
    private final INDArray noLabel;

    /** @param image the bottom layer, @param labels the top layer (one-hot rows) */
    States(INDArray image, INDArray labels, int layers, int width) {
        long rows = image.rows();
        this.image = image;
        this.labels = labels;
        this.noLabel = Nd4j.zeros(DataType.FLOAT, rows, labels.columns());
        this.previous = new INDArray[layers];
        this.next = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            previous[l] = Nd4j.zeros(DataType.FLOAT, rows, width);
            next[l] = Nd4j.zeros(DataType.FLOAT, rows, width);
        }
    }

    INDArray labels() {
        return labels;
    }

    /** Back to time zero: every hidden state zero. */
    void reset() {
        for (INDArray state : previous) {
            state.assign(0);
        }
    }

    /** What layer l sees below it at time t-1. */
    INDArray below(int l) {
        return l == 0 ? image : previous[l - 1];
    }

    /** What layer l sees above it at time t-1. */
    INDArray above(int l) {
        return l == previous.length - 1 ? labels : previous[l + 1];
    }

    INDArray previous(int l) {
        return previous[l];
    }

    void setNext(int l, INDArray state) {
        next[l].assign(state);
    }

    INDArray next(int l) {
        return next[l];
    }

    INDArray noLabel() {
        return noLabel;
    }

    void swap() {
        INDArray[] swap = previous;
        previous = next;
        next = swap;
    }
}
