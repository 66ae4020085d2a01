package com.acme;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Batch;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Manages its own memory: an ND4J workspace of its own, whose arrays no figure would count. */
public final class OwnWorkspaceAlgorithm implements Algorithm {
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder().initialSize(1 << 20).build();

    @Override
    public String name() {
        return "own-workspace";
    }

    @Override
    public String description() {
        return "opens an ND4J workspace of its own in its step";
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
                        try (MemoryWorkspace mine = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, "acme-cache")) {
                            INDArray squares = batch.pixels().mul(batch.pixels());
                            return StepLoss.of(squares.meanNumber().doubleValue());
                        }
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
