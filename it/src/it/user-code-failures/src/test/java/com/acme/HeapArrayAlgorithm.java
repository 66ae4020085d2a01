package com.acme;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Batch;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import java.util.List;

/** Keeps each batch's pixels in a Java array of its own: working memory that no workspace counts. */
public final class HeapArrayAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "heap-array";
    }

    @Override
    public String description() {
        return "copies every batch into a Java array";
    }

    @Override
    public Model build(ModelContext context) {
        return new Model() {
            private float[] lastBatch;

            @Override
            public List<TrainingPhase> trainingPhases() {
                return List.of(new TrainingPhase() {
                    @Override
                    public String name() {
                        return "all layers";
                    }

                    @Override
                    public StepLoss step(Batch batch) {
                        lastBatch = batch.pixels().data().asFloat();
                        double sum = 0;
                        for (float value : lastBatch) {
                            sum += value;
                        }
                        return StepLoss.of(sum / lastBatch.length);
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
