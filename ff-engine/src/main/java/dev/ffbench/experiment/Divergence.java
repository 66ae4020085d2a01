package dev.ffbench.experiment;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.TransientMemory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training that blew up must not be scored. A NaN or infinite loss stops a built-in model at the end
 * of its epoch; after training the engine also refuses, for any algorithm, parameters that are not
 * finite or have grown beyond {@link #MAX_PARAMETER} in magnitude (initial weights are at most 1 in
 * magnitude; a learning rate of 1e9 takes them past 1e9 in one step, while every loss stays finite),
 * and an epoch loss that grew by {@link #MAX_LOSS_GROWTH} or more over the first epoch's.
 */
final class Divergence {
    static final double MAX_PARAMETER = 1e6;
    static final double MAX_LOSS_GROWTH = 1e3;

    private Divergence() {}

    /** @throws TrainingDivergedException naming what blew up and the learning rate to lower */
    static void check(ExperimentSpec spec, double learningRate, List<EpochLoss> losses, PersistentMemory memory) {
        String advice = "; lower the learning rate (" + learningRate + ")";
        double largest = largestParameter(memory);
        if (!(largest <= MAX_PARAMETER)) {
            throw new TrainingDivergedException("training diverged: " + spec.algorithm() + "'s parameters "
                    + (Double.isFinite(largest) ? String.format(Locale.ROOT, "reached %.3g in magnitude (more than %.0g)",
                            largest, MAX_PARAMETER) : "are not finite (" + largest + ")") + advice);
        }
        Map<Integer, EpochLoss> first = new LinkedHashMap<>();
        for (EpochLoss loss : losses) {
            EpochLoss start = first.computeIfAbsent(loss.layer(), layer -> loss);
            double base = Math.max(Math.abs(start.loss()), 1e-6);
            if (loss.loss() > MAX_LOSS_GROWTH * base) {
                throw new TrainingDivergedException(String.format(Locale.ROOT, "training diverged: %s's loss%s grew"
                        + " from %.4g in epoch %d to %.4g in epoch %d (more than %.0fx)", spec.algorithm(),
                        loss.layer() == 0 ? "" : " of layer " + loss.layer(), start.loss(), start.epoch(), loss.loss(),
                        loss.epoch(), MAX_LOSS_GROWTH) + advice);
            }
        }
    }

    /** The largest absolute parameter value (NaN or infinite when one is), computed in a workspace of its own. */
    private static double largestParameter(PersistentMemory memory) {
        double largest = 0;
        try (TransientMemory check = new TransientMemory("divergence-check");
                MemoryWorkspace ignored = check.step()) {
            for (INDArray parameter : memory.arrays(MemoryCategory.PARAMETERS)) {
                double sum = parameter.sumNumber().doubleValue();
                if (!Double.isFinite(sum)) {
                    return sum;
                }
                largest = Math.max(largest, parameter.amaxNumber().doubleValue());
            }
        }
        return largest;
    }
}
