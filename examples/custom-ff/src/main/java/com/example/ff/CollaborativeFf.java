package com.example.ff;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.AlgorithmTraits;
import dev.ffbench.api.Batch;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.Option;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import dev.ffbench.ff.LabelEmbedding;
import dev.ffbench.ff.Labels;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.LayerTraining;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Relu;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Collaborative Forward-Forward ("collab-ff"; Lorberbom, Gefen, Ziv and Hoshen, "Layer Collaboration in
 * the Forward-Forward Algorithm", AAAI 2024): every layer still learns locally, with no gradient crossing
 * a layer, but on the goodness of the whole network, sum_k g_k - sum_k theta_k, where the other layers'
 * goodness enters as a constant. Hidden layers of length normalization, linear and ReLU, the label
 * overlaid on the first K inputs; all layers train at once. FF Bench runs the loop; this class writes
 * one step and one prediction. Registered in META-INF/services/dev.ffbench.api.Algorithm.
 */
public final class CollaborativeFf implements Algorithm {
    static final Option<String> GOODNESS = Option.goodness("goodness", "sum-squares", "the layers' goodness function");
    static final Option<Double> THRESHOLD = Option.number("threshold", null,
            "each layer's share of the network threshold; unset: the goodness function's natural threshold");

    public String name() { return "collab-ff"; }

    public String description() { return "Collaborative Forward-Forward (Lorberbom et al. 2024): local losses on the network's total goodness"; }

    public List<Option<?>> options() { return List.of(GOODNESS, THRESHOLD); }

    public double defaultLearningRate() { return 0.003; }

    /** What the report's fairness note compares with backprop: it normalizes the same way, on positives and negatives. */
    public AlgorithmTraits traits(ExperimentSpec spec) {
        return new AlgorithmTraits(AlgorithmTraits.Role.CANDIDATE, "length normalization",
                AlgorithmTraits.positivesAndNegatives(spec.batchSize()), null);
    }

    public Model build(ModelContext context) {
        int width = context.spec().width();
        GoodnessFunction goodness = context.goodness(GOODNESS);
        Double threshold = context.option(THRESHOLD);
        LayerLoss networkLoss = goodness.loss((threshold != null ? threshold : goodness.naturalThreshold(width))
                * context.spec().depth(), null);
        LabelEmbedding embedding = new LabelEmbedding("overlay", context.classes());
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < context.spec().depth(); l++) {
            layers.add(new DenseLayer(context.memory(), l == 0 ? context.inputSize() : width, width, context.random()));
        }
        List<LayerTraining> training = new ArrayList<>();
        return new Model() {
            /** One activation array is handed up the stack, so the working set does not grow with depth. */
            INDArray forward(int l, INDArray input) {
                return Relu.forwardInPlace(layers.get(l).forward(LengthNorm.forward(input).rows()));
            }

            /** All layers train at once: each holds its gradients and optimizer state until training ends. */
            public List<TrainingPhase> trainingPhases() {
                return List.of(TrainingPhase.of("all layers",
                        () -> layers.forEach(l -> training.add(LayerTraining.start(l, context.memory(), context.optimizer()))),
                        this::step, () -> training.forEach(t -> t.release(context.memory()))));
            }

            /** Two passes up the stack: the first sums every layer's goodness, the second steps each layer on it. */
            StepLoss step(Batch batch) {
                int[] labels = new int[2 * batch.count()]; // positives, then the same images with a wrong label
                for (int i = 0; i < batch.count(); i++) {
                    labels[i] = batch.label(i);
                    labels[batch.count() + i] = Labels.uniformWrong(labels[i], context.classes(), batch.random());
                }
                INDArray rows = embedding.rows(batch, labels);
                INDArray carry = Nd4j.create(DataType.FLOAT, rows.rows(), width);
                INDArray total = Nd4j.zeros(DataType.FLOAT, rows.rows(), 1);
                for (int l = 0; l < layers.size(); l++) {
                    try (MemoryWorkspace scratch = batch.scratch()) {
                        INDArray h = forward(l, l == 0 ? rows : carry);
                        total.addi(goodness.value(h));
                        carry.assign(h);
                    }
                }
                LayerLoss.Value loss = networkLoss.of(total);
                for (int l = 0; l < layers.size(); l++) {
                    try (MemoryWorkspace scratch = batch.scratch()) {
                        INDArray normalized = LengthNorm.forward(l == 0 ? rows : carry).rows();
                        INDArray h = Relu.forwardInPlace(layers.get(l).forward(normalized));
                        // the other layers' goodness is a constant: dL/dg_l is dL/d(total)
                        INDArray gradZ = Relu.backwardInPlace(h, goodness.gradient(h, loss.gradGoodness()));
                        layers.get(l).parameterGradients(normalized, gradZ, training.get(l).gradients());
                        carry.assign(h);
                    }
                }
                training.forEach(LayerTraining::step);
                return StepLoss.of(loss.loss());
            }

            /** For each label, the network's total goodness with that label overlaid; the label with the most wins. */
            public int[] predict(Batch batch) {
                INDArray rows = embedding.rows(batch);
                INDArray carry = Nd4j.create(DataType.FLOAT, batch.count(), width);
                float[][] scores = new float[batch.count()][context.classes()];
                for (int label = 0; label < context.classes(); label++) {
                    INDArray labelColumn = rows.getColumn(label, true); // overlay: label c is input c
                    labelColumn.assign(1f);
                    for (int l = 0; l < layers.size(); l++) {
                        try (MemoryWorkspace scratch = batch.scratch()) {
                            INDArray h = forward(l, l == 0 ? rows : carry);
                            float[] g = goodness.value(h).toFloatVector();
                            for (int i = 0; i < batch.count(); i++) {
                                scores[i][label] += g[i];
                            }
                            carry.assign(h);
                        }
                    }
                    labelColumn.assign(0f);
                }
                return Labels.argMaxes(scores);
            }
        };
    }
}
