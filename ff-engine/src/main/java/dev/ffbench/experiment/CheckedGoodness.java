package dev.ffbench.experiment;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.QuadraticGoodness;
import dev.ffbench.io.Problem;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A goodness function as the models see it: what its code hands back is checked where it enters, so
 * that a wrongly shaped goodness or gradient (from a project's own function) fails its cell with one
 * message naming the function, where it comes from, the method and the shape allowed, instead of
 * being read as if it were right (a (rows x units) goodness summed as one value per row trains a net
 * to a meaningless accuracy) or failing deep in a model that names only the algorithm. An exception
 * its code throws is reported the same way, its stack trace kept as the cause. Shapes only: no pass
 * over the values, so the check costs nothing per step.
 */
class CheckedGoodness implements GoodnessFunction {
    private final GoodnessFunction goodness;
    private final String origin;

    private CheckedGoodness(GoodnessFunction goodness, String origin) {
        this.goodness = goodness;
        this.origin = origin;
    }

    /** {@code goodness} checked; a {@link QuadraticGoodness} stays one, so the models keep its fused path. */
    static GoodnessFunction of(GoodnessFunction goodness, String origin) {
        return goodness instanceof QuadraticGoodness quadratic ? new Quadratic(quadratic, origin)
                : new CheckedGoodness(goodness, origin);
    }

    @Override
    public String name() {
        return goodness.name();
    }

    @Override
    public INDArray value(INDArray activations) {
        INDArray value = call("value", () -> goodness.value(activations));
        long rows = activations.rows();
        if (value == null || value.length() != rows || (value.rank() == 2 && value.columns() != 1)) {
            throw broken("value", activations, value, "one goodness per row, (" + rows + " x 1)");
        }
        return value;
    }

    @Override
    public INDArray gradient(INDArray activations, INDArray gradGoodness) {
        INDArray gradient = call("gradient", () -> goodness.gradient(activations, gradGoodness));
        if (gradient == null || !Arrays.equals(gradient.shape(), activations.shape())) {
            throw broken("gradient", activations, gradient,
                    "dL/d(activations), the activations' shape " + Arrays.toString(activations.shape()));
        }
        return gradient;
    }

    @Override
    public double naturalThreshold(int units) {
        return goodness.naturalThreshold(units);
    }

    @Override
    public LayerLoss loss(double threshold, Double alpha) {
        return goodness.loss(threshold, alpha);
    }

    private <T> T call(String method, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ModelFailedException | TrainingDivergedException | InvalidSpecException e) {
            throw e;
        } catch (RuntimeException e) {
            if (EscapedAllocationException.from(e, "goodness function " + name()) != null) {
                throw e; // the engine's guard: reported where the allocation is named
            }
            throw new ModelFailedException(where(method) + " threw " + e, e);
        }
    }

    private ModelFailedException broken(String method, INDArray activations, INDArray got, String allowed) {
        return new ModelFailedException(Problem.found(where(method), "returned " + (got == null ? "null"
                : "an array of shape " + Arrays.toString(got.shape())) + " for activations of shape "
                + Arrays.toString(activations.shape()), allowed));
    }

    private String where(String method) {
        return "goodness function " + name() + " (" + goodness.getClass().getName() + ", " + origin + "): " + method + "()";
    }

    /** A checked {@link QuadraticGoodness}: its coefficient must be a finite number. */
    private static final class Quadratic extends CheckedGoodness implements QuadraticGoodness {
        private final QuadraticGoodness quadratic;

        Quadratic(QuadraticGoodness quadratic, String origin) {
            super(quadratic, origin);
            this.quadratic = quadratic;
        }

        @Override
        public double coefficient(int units) {
            double coefficient = quadratic.coefficient(units);
            if (!Double.isFinite(coefficient)) {
                throw new ModelFailedException(Problem.found("goodness function " + name() + " ("
                        + quadratic.getClass().getName() + "): coefficient(" + units + ")", "returned " + coefficient,
                        "a finite number"));
            }
            return coefficient;
        }
    }
}
