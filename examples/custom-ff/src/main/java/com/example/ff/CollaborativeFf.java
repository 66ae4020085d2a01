package com.example.ff;

import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.Model;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.experiment.Option;
import java.util.List;

/**
 * Collaborative Forward-Forward ("collab-ff"; Lorberbom, Gefen, Ziv and Hoshen, "Layer Collaboration in
 * the Forward-Forward Algorithm", AAAI 2024): every layer still learns locally, with no gradient crossing
 * a layer, but its loss is computed on the goodness of the whole network, sum_k g_k - sum_k theta_k,
 * where the other layers' goodness enters as a constant. Layers thereby learn what the others have
 * not yet captured. Registered in META-INF/services/dev.ffbench.experiment.Algorithm.
 */
public final class CollaborativeFf implements Algorithm {
    static final Option GOODNESS = Option.goodness("goodness", "sum-squares",
            "the layers' goodness function (the matrix's goodness axis)");
    static final Option THRESHOLD = Option.number("threshold", null,
            "each layer's share of the network threshold; unset: the goodness function's natural threshold");

    @Override
    public String name() {
        return "collab-ff";
    }

    @Override
    public String description() {
        return "Collaborative Forward-Forward (Lorberbom et al. 2024): local losses on the network's total goodness";
    }

    @Override
    public List<Option> options() {
        return List.of(GOODNESS, THRESHOLD);
    }

    @Override
    public double defaultLearningRate() {
        return 0.003;
    }

    @Override
    public List<String> problems(ExperimentSpec spec) {
        return List.of();
    }

    @Override
    public Model build(ModelContext context) {
        return new CollaborativeFfModel(context);
    }
}
