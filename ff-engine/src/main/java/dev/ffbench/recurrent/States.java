package dev.ffbench.recurrent;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hidden states of two consecutive time steps, each with its rows' sums of squares (the goodness
 * of a quadratic goodness function, and the scale the next layers normalize it by), allocated once
 * per step in the step workspace: synchronous updates read {@code previous} and write {@code next},
 * then the two swap. Nothing older is kept, so memory does not grow with the number of iterations.
 */
final class States {
    private INDArray[] previous;
    private INDArray[] next;
    private INDArray[] previousSquares;
    private INDArray[] nextSquares;

    States(long rows, int layers, int width) {
        this.previous = new INDArray[layers];
        this.next = new INDArray[layers];
        this.previousSquares = new INDArray[layers];
        this.nextSquares = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            previous[l] = Nd4j.zeros(DataType.FLOAT, rows, width);
            next[l] = Nd4j.zeros(DataType.FLOAT, rows, width);
            previousSquares[l] = Nd4j.zeros(DataType.FLOAT, rows, 1);
            nextSquares[l] = Nd4j.zeros(DataType.FLOAT, rows, 1);
        }
    }

    /** Layer l's state at time t-1 (rows x width). */
    INDArray previous(int l) {
        return previous[l];
    }

    /** Its rows' sums of squares (rows x 1). */
    INDArray previousSquares(int l) {
        return previousSquares[l];
    }

    /** Layer l's state at time t, being written. */
    INDArray next(int l) {
        return next[l];
    }

    INDArray nextSquares(int l) {
        return nextSquares[l];
    }

    void swap() {
        INDArray[] swap = previous;
        previous = next;
        next = swap;
        swap = previousSquares;
        previousSquares = nextSquares;
        nextSquares = swap;
    }
}
