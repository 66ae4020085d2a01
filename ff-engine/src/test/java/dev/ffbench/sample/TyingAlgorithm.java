package dev.ffbench.sample;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.MeasuredModel;
import dev.ffbench.experiment.Model;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.ff.Labels;
import java.util.List;

/** A net that learned nothing: every label gets the same score for every image. */
public final class TyingAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "tying";
    }

    @Override
    public String description() {
        return "scores every label the same";
    }

    @Override
    public Model build(ModelContext context) {
        return new MeasuredModel(context.memory()) {
            @Override
            public List<EpochLoss> train(ImageSet train) {
                return List.of();
            }

            @Override
            public int[] predict(ImageSet images) {
                return Labels.argMaxes(new float[images.count()][context.classes()]);
            }
        };
    }
}
