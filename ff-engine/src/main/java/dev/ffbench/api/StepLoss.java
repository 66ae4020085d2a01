package dev.ffbench.api;

import java.util.Arrays;

/**
 * What one training step returns: the loss of the whole network (layer 0), or one loss for each of
 * the consecutive layers {@code firstLayer..firstLayer + losses.length - 1} (1-based) that the step
 * trained. Every step of a phase must report the same layers.
 *
 * @param firstLayer 0 for one loss of the whole network; else the 1-based number of the first layer
 * @param losses the losses, one per layer (exactly one when {@code firstLayer} is 0)
 */
public record StepLoss(int firstLayer, double[] losses) {

    public StepLoss {
        if (firstLayer < 0 || losses == null || losses.length == 0 || (firstLayer == 0 && losses.length != 1)) {
            throw new IllegalArgumentException("a step loss is one loss of the network (layer 0) or one per layer"
                    + " from layer 1 on; got first layer " + firstLayer + " and "
                    + (losses == null ? "no losses" : losses.length + " losses"));
        }
        losses = losses.clone();
    }

    /** The loss of the whole network. */
    public static StepLoss of(double loss) {
        return new StepLoss(0, new double[] {loss});
    }

    /** The losses of layers {@code firstLayer}, {@code firstLayer + 1}, ... (1-based). */
    public static StepLoss ofLayers(int firstLayer, double... losses) {
        return new StepLoss(firstLayer, losses);
    }

    /** The layer of the {@code i}-th loss: 0 for the network's, else 1-based. */
    public int layer(int i) {
        return firstLayer == 0 ? 0 : firstLayer + i;
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** The {@code i}-th loss. */
    public double loss(int i) {
        return losses[i];
    }

    public int size() {
        return losses.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StepLoss o && o.firstLayer == firstLayer && Arrays.equals(o.losses, losses);
    }

    @Override
    public int hashCode() {
        return 31 * firstLayer + Arrays.hashCode(losses);
    }

    @Override
    public String toString() {
        return "StepLoss[firstLayer=" + firstLayer + ", losses=" + Arrays.toString(losses) + "]";
    }
}
