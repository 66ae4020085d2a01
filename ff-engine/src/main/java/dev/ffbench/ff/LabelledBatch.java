package dev.ffbench.ff;

import dev.ffbench.nn.LengthNorm;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The first layer's input: each image once, its label columns zero, and the normalization scale
 * of that image with any one-hot label on it. A one-hot of value 1 adds exactly 1 to a row's
 * squared length, so the scale is the same for every label and x W is computed once per image for
 * all the labels it carries: its positive and its negative in training, all K at evaluation.
 * Exactly the same arithmetic as normalizing each labelled row, for half (training) or a K-th
 * (evaluation) of the first layer's largest matrix product.
 */
record LabelledBatch(INDArray images, INDArray scales, int labelOffset) {

    static LabelledBatch of(INDArray images, int labelOffset) {
        INDArray squaredLengths = images.norm2(true, 1);
        squaredLengths.muli(squaredLengths).addi(1.0);
        INDArray scales = Transforms.sqrt(squaredLengths, false)
                .divi(Math.sqrt(images.columns()))
                .addi(LengthNorm.EPSILON);
        return new LabelledBatch(images, scales, labelOffset);
    }

    long rows() {
        return images.rows();
    }
}
