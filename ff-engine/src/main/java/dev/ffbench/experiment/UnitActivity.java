package dev.ffbench.experiment;

import dev.ffbench.api.Batch;
import dev.ffbench.memory.TransientMemory;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which hidden units fired in one evaluation: the engine's observer of {@link Batch#observe}. Each
 * report's column maxima (1 x units) are computed in a workspace of the observer's own, so the model's
 * memory figures do not change. Close it after the evaluation.
 */
final class UnitActivity implements Batch.ActivityObserver, AutoCloseable {
    private final TransientMemory workspace = new TransientMemory("diagnostics");
    /** Per layer, which units gave a positive output; null for a layer never reported. */
    private final List<boolean[]> fired = new ArrayList<>();

    /** Its workspace is the engine's own (for the check that a model opened none). */
    void workspaces(Workspaces workspaces) {
        workspaces.open(workspace);
    }

    @Override
    public void observe(int layer, INDArray activations) {
        float[] maxima;
        try (MemoryWorkspace ignored = workspace.step()) {
            maxima = activations.max(0).toFloatVector();
        }
        while (fired.size() <= layer) {
            fired.add(null);
        }
        if (fired.get(layer) == null) {
            fired.set(layer, new boolean[maxima.length]);
        }
        boolean[] layerFired = fired.get(layer);
        for (int j = 0; j < Math.min(maxima.length, layerFired.length); j++) {
            layerFired[j] |= maxima[j] > 0;
        }
    }

    /** Per hidden layer reported (first to last), the share of units that never fired; 1 for a layer never reported below one that was. */
    List<Double> deadUnitFractions() {
        List<Double> fractions = new ArrayList<>();
        for (boolean[] layer : fired) {
            int dead = 0;
            for (boolean f : layer == null ? new boolean[0] : layer) {
                dead += f ? 0 : 1;
            }
            fractions.add(layer == null || layer.length == 0 ? 1.0 : (double) dead / layer.length);
        }
        return fractions;
    }

    @Override
    public void close() {
        workspace.close();
    }
}
