package dev.ffbench.backprop;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.AlgorithmTraits;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.Option;
import dev.ffbench.io.Problem;
import dev.ffbench.memory.LayerArithmetic;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.nn.DenseLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What backprop and its memory variants share: the same net (hidden layers as FF's plus a softmax head),
 * the same options, checks and fairness traits, a reference for the FF algorithms; they differ in
 * their {@link BackpropPlan} only.
 */
abstract class BackpropAlgorithm implements Algorithm {

    /** The plan of a run of {@code spec}: what its steps keep and when its optimizer steps. */
    abstract BackpropPlan plan(ExperimentSpec spec);

    /** Options beyond {@link Backprop#NORMALIZE}. */
    List<Option<?>> ownOptions() {
        return List.of();
    }

    @Override
    public final List<Option<?>> options() {
        List<Option<?>> options = new ArrayList<>(List.of(Backprop.NORMALIZE));
        options.addAll(ownOptions());
        return List.copyOf(options);
    }

    /** A hidden layer of width x width must fit in one Java array (its initial weights), checked before any run. */
    @Override
    public final List<String> problems(ExperimentSpec spec) {
        Problem hidden = spec.depth() > 1 ? DenseLayer.widthProblem(spec.width(), spec.width(), spec.width()) : null;
        return hidden == null ? List.of() : List.of(hidden.message());
    }

    /** A reference the FF algorithms are measured against; length normalization as its option says. */
    @Override
    public final AlgorithmTraits traits(ExperimentSpec spec) {
        return new AlgorithmTraits(AlgorithmTraits.Role.REFERENCE,
                Backprop.NORMALIZE.of(spec) ? "length normalization" : "none", spec.batchSize() + " images", null);
    }

    @Override
    public final Model build(ModelContext context) {
        return new BackpropModel(context, plan(context.spec()));
    }

    /** The persistent memory of {@link BackpropMemory#persistent}: parameters, gradients, optimizer state. */
    @Override
    public final OptionalLong minimumBytes(ExperimentSpec spec, int inputSize, int classes) {
        MemoryBreakdown persistent = BackpropMemory.persistent(spec, plan(spec), inputSize, classes);
        // saturating: an absurd shape gives Long.MAX_VALUE, never a sum wrapped round to a small number
        return OptionalLong.of(LayerArithmetic.plus(LayerArithmetic.plus(persistent.parameters(), persistent.gradients()),
                persistent.optimizerState()));
    }
}
