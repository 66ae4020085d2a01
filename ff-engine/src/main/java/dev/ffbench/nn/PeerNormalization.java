package dev.ffbench.nn;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Peer normalization (Hinton 2022, section 4; the form of loeweX/Forward-Forward): an auxiliary loss
 * that keeps each unit's mean activity on positive data near the layer's average, so that no unit
 * dies or takes over. Per step, a_j is unit j's mean ReLU output over the positive rows and the running
 * mean m_j = momentum m_j + (1 - momentum) a_j (the old m_j detached); the loss is
 * weight * mean_j (mean_k m_k - m_j)^2. Its gradient on every positive row's output is
 * dL/dh[r, j] = weight * (1 - momentum) * 2 / units * (m_j - mean_k m_k) / positives, applied whether or
 * not the unit fired (a straight-through ReLU, loeweX's ReLU_full_grad): a dead unit is pushed back up.
 * The running means (1 x units) are training state in the persistent ledger (counted with the optimizer
 * state) while the layer trains.
 */
public final class PeerNormalization {
    /** loeweX's momentum of the running mean. */
    public static final double MOMENTUM = 0.9;

    private final double weight;
    private final INDArray runningMeans;

    /** @param weight the loss's weight (> 0); the running means start at 0 in {@code memory}'s ledger */
    public PeerNormalization(double weight, int units, PersistentMemory memory) {
        this.weight = weight;
        this.runningMeans = memory.zeros(MemoryCategory.OPTIMIZER_STATE, 1, units);
    }

    /** Frees the running means (when the layer stops training). */
    public void release(PersistentMemory memory) {
        memory.release(runningMeans);
    }

    /**
     * Updates the running means from the first {@code positives} rows of {@code h} (rows x units) and
     * writes each unit's gradient coefficient c_j = dL/dh[r, j] for a positive row into {@code into}.
     *
     * @return the weighted peer loss of this step
     */
    public double update(FloatBuffer h, int positives, int units, float[] into) {
        double[] means = new double[units];
        float[] row = RowScratch.row(0, units);
        for (int r = 0; r < positives; r++) {
            h.get(r * units, row, 0, units);
            for (int j = 0; j < units; j++) {
                means[j] += row[j];
            }
        }
        FloatBuffer running = Floats.of(runningMeans);
        double average = 0;
        for (int j = 0; j < units; j++) {
            means[j] = MOMENTUM * running.get(j) + (1 - MOMENTUM) * means[j] / positives;
            running.put(j, (float) means[j]);
            average += means[j];
        }
        average /= units;
        double loss = 0;
        double scale = weight * (1 - MOMENTUM) * 2.0 / units / positives;
        for (int j = 0; j < units; j++) {
            double d = means[j] - average;
            loss += d * d;
            into[j] = (float) (scale * d);
        }
        return weight * loss / units;
    }
}
