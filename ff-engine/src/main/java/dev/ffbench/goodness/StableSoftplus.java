package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** softplus(a) = relu(a) + log1p(exp(-|a|)): ND4J's float softplus overflows to Infinity above ~88. */
final class StableSoftplus {
    private StableSoftplus() {}

    static INDArray of(INDArray a) {
        return Transforms.log1p(Transforms.exp(Transforms.abs(a, true).negi(), false), false)
                .addi(Transforms.relu(a, true));
    }
}
