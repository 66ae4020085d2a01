package com.acme;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.MeasuredModel;
import dev.ffbench.experiment.Model;
import dev.ffbench.experiment.ModelContext;
import java.util.List;

/** A bug in the user's training code. */
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
        return new MeasuredModel(context.memory()) {
            @Override
            public List<EpochLoss> train(ImageSet train) {
                return checkGoodness(-1.5);
            }

            private List<EpochLoss> checkGoodness(double goodness) {
                throw new IllegalStateException("negative goodness " + goodness + " in layer 1");
            }

            @Override
            public int[] predict(ImageSet images) {
                return new int[images.count()];
            }
        };
    }
}
