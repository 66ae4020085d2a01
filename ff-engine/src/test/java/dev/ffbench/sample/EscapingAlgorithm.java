package dev.ffbench.sample;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Batch;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A user's mistake: an array created when a phase starts, outside every workspace and the ledger. */
public final class EscapingAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "escaping";
    }

    @Override
    public String description() {
        return "allocates outside the ledger";
    }

    @Override
    public Model build(ModelContext context) {
        return new Model() {
            @Override
            public List<TrainingPhase> trainingPhases() {
                // when a phase starts no step runs: the allocation guard's workspace is the open one
                return List.of(TrainingPhase.of("all layers", EscapingAlgorithm::allocate, batch -> StepLoss.of(0), () -> { }));
            }

            @Override
            public int[] predict(Batch batch) {
                return new int[batch.count()];
            }
        };
    }

    private static void allocate() {
        Nd4j.create(DataType.FLOAT, 10, 4);
    }
}
