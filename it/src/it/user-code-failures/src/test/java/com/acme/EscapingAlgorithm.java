package com.acme;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Batch;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Forgets the ledger: a gradient buffer made with Nd4j when the phase starts would escape the memory figures. */
public final class EscapingAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "escaping";
    }

    @Override
    public String description() {
        return "allocates a gradient outside the ledger";
    }

    @Override
    public Model build(ModelContext context) {
        return new Model() {
            @Override
            public List<TrainingPhase> trainingPhases() {
                return List.of(new TrainingPhase() {
                    private INDArray gradient;

                    @Override
                    public String name() {
                        return "all layers";
                    }

                    @Override
                    public void start() {
                        gradient = Nd4j.create(DataType.FLOAT, context.inputSize(), context.spec().width());
                    }

                    @Override
                    public StepLoss step(Batch batch) {
                        return StepLoss.of(gradient.length());
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
