package dev.ffbench.ff;

import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.Model;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.experiment.Option;
import dev.ffbench.memory.LayerArithmetic;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.Optimizer;
import java.util.List;
import java.util.OptionalLong;

/** Hinton's supervised Forward-Forward ("ff-base"; Hinton 2022, sections 3.1-3.3). */
public final class FfBase implements Algorithm {
    public static final String NAME = "ff-base";

    static final Option SCHEDULE = Option.choice("schedule", "layerwise", List.of("layerwise", "simultaneous"),
            "train layer 1 for all epochs, then layer 2 on streamed outputs of the frozen layer 1, ...; or every layer on every batch");
    static final Option LABEL_MODE = Option.choice("labelMode", "overlay", List.of("overlay", "append"),
            "one-hot label over the first K inputs, or K extra inputs");
    static final Option FINISHED_LAYER_KEEPS = Option.choice("finishedLayerKeeps", "weights", List.of("weights", "all"),
            "what a trained layer keeps: its weights only, or also gradients and optimizer state (like the 2022 PyTorch app)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Hinton's supervised Forward-Forward: label in the input, a local goodness loss per layer";
    }

    @Override
    public List<Option> options() {
        return List.of(FfOptions.GOODNESS, FfOptions.THRESHOLD, FfOptions.ALPHA, SCHEDULE, LABEL_MODE,
                FfOptions.NEGATIVES, FINISHED_LAYER_KEEPS);
    }

    @Override
    public double defaultLearningRate() {
        return FfOptions.DEFAULT_LEARNING_RATE;
    }

    /** A hidden layer of width x width must fit in one Java array (its initial weights), checked before any run. */
    @Override
    public List<String> problems(ExperimentSpec spec) {
        String hidden = spec.depth() > 1 ? DenseLayer.shapeProblem(spec.width(), spec.width()) : null;
        return hidden == null ? List.of() : List.of("width is " + spec.width() + ": " + hidden);
    }

    /** The label overlay writes a one-hot of K values over the first K inputs: an image needs at least K. */
    @Override
    public List<String> problems(ExperimentSpec spec, DatasetShape data) {
        if (spec.options().text(LABEL_MODE.name()).equals("overlay") && data.inputSize() < data.classes()) {
            return List.of(LABEL_MODE.name() + " is 'overlay', but dataset " + spec.dataset() + " has " + data.inputSize()
                    + " inputs per image (" + data.imageShape() + "), fewer than its " + data.classes()
                    + " classes: the one-hot label cannot be overlaid; allowed: labelMode=append (the label as "
                    + data.classes() + " extra inputs)");
        }
        return List.of();
    }

    @Override
    public Model build(ModelContext context) {
        return new FfBaseModel(context);
    }

    /**
     * Every layer's parameters, plus the gradients and optimizer state of the layers training at the
     * peak: the largest layer's for the layerwise schedule (a finished layer keeps its weights only), every
     * layer's for the simultaneous one or when finished layers keep everything.
     */
    @Override
    public OptionalLong minimumBytes(ExperimentSpec spec, int inputSize, int classes) {
        long inputs = spec.options().text(LABEL_MODE.name()).equals("append") ? (long) inputSize + classes : inputSize;
        long first = LayerArithmetic.denseValues(inputs, spec.width());
        long hidden = spec.depth() > 1 ? LayerArithmetic.denseValues(spec.width(), spec.width()) : 0;
        long parameters = LayerArithmetic.plus(first, LayerArithmetic.times(spec.depth() - 1L, hidden));
        boolean everyLayer = spec.options().text(SCHEDULE.name()).equals("simultaneous")
                || spec.options().text(FINISHED_LAYER_KEEPS.name()).equals("all");
        long training = everyLayer ? parameters : Math.max(first, hidden);
        long perValue = 1 + Optimizer.stateValuesPerParameter(spec.optimizer()); // its gradient and the optimizer's state
        return OptionalLong.of(LayerArithmetic.floatBytes(
                LayerArithmetic.plus(parameters, LayerArithmetic.times(perValue, training))));
    }
}
