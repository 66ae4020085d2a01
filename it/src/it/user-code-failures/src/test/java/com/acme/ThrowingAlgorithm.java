package com.acme;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Batch;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import java.util.List;

/** A bug in the user's training step. */
public final class ThrowingAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "throwing";
    }

    @Override
    public String description() {
        return "throws in its first training step";
    }

    @Override
    public Model build(ModelContext context) {
        return new Model() {
            @Override
            public List<TrainingPhase> trainingPhases() {
                return List.of(new TrainingPhase() {
                    @Override
                    public String name() {
                        return "all layers";
                    }

                    @Override
                    public StepLoss step(Batch batch) {
                        return StepLoss.of(checkGoodness(-1.5));
                    }

                    private double checkGoodness(double goodness) {
                        throw new IllegalStateException("negative goodness " + goodness + " in layer 1");
                    }
                });
            }

            @Override
            public int[] predict(Batch batch) {
                return new int[batch.count()];
            }
        };
    }
}
