package dev.ffbench.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** ReLU and its derivative. */
public final class Relu {
    private Relu() {}

    /** max(z, 0), overwriting {@code z} (any shape) and returning it: the pre-activation is not needed once the output exists. */
    public static INDArray forwardInPlace(INDArray z) {
        return Transforms.relu(z, false);
    }

    /**
     * dL/dz = dL/dh where h > 0, else 0 (h > 0 exactly where z > 0), written over {@code gradOutput}:
     * every caller's dL/dh is a temporary of its own, and one array less is one layer's working set
     * less.
     */
    public static INDArray backwardInPlace(INDArray output, INDArray gradOutput) {
        Nd4j.exec(new ThresholdReluBp(output, gradOutput, gradOutput, 0.0));
        return gradOutput;
    }
}
