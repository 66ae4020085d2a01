package dev.ffbench.backprop;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Softmax cross-entropy, mean over rows, computed from the log-sum-exp for stability. */
public final class CrossEntropy {
    private CrossEntropy() {}

    /** The mean loss and dL/dlogits. */
    public record Value(double loss, INDArray gradLogits) {}

    /** @param oneHot the true classes, one row per row of {@code logits} */
    public static Value of(INDArray logits, INDArray oneHot) {
        long rows = logits.rows();
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray exp = Transforms.exp(shifted, true);
        INDArray sum = exp.sum(true, 1);
        INDArray logProbabilities = shifted.subiColumnVector(Transforms.log(sum, true));
        double loss = -logProbabilities.mul(oneHot).sumNumber().doubleValue() / rows;
        INDArray grad = exp.diviColumnVector(sum).subi(oneHot).divi(rows);
        return new Value(loss, grad);
    }
}
