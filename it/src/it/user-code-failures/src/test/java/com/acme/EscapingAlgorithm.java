package com.acme;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.MeasuredModel;
import dev.ffbench.experiment.Model;
import dev.ffbench.experiment.ModelContext;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Forgets the workspace: a per-step array created outside it would escape the memory figures. */
public final class EscapingAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "escaping";
    }

    @Override
    public String description() {
        return "allocates a batch outside every workspace";
    }

    @Override
    public Model build(ModelContext context) {
        return new MeasuredModel(context.memory()) {
            @Override
            public List<EpochLoss> train(ImageSet train) {
                Nd4j.create(DataType.FLOAT, context.spec().batchSize(), train.pixelsPerImage());
                return List.of();
            }

            @Override
            public int[] predict(ImageSet images) {
                return new int[images.count()];
            }
        };
    }
}
