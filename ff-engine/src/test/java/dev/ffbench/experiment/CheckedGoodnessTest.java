package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.QuadraticGoodness;
import dev.ffbench.goodness.SumOfSquares;
import dev.ffbench.io.Problem;
import dev.ffbench.sample.SampleExtensions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A goodness function's code is checked where what it returns enters the engine: a wrongly shaped goodness
 * or gradient, or an exception, fails the cell with one message naming the function, its class and origin,
 * the method and the shape allowed, for FF Base and FF Recurrent alike.
 */
class CheckedGoodnessTest {
    @TempDir
    Path dir;

    /** value() returns the activations' absolute values, (rows x units), not one goodness per row. */
    public static class GoodnessPerUnit implements GoodnessFunction {
        @Override
        public String name() {
            return "per-unit";
        }

        @Override
        public INDArray value(INDArray activations) {
            return Transforms.abs(activations, true);
        }

        @Override
        public INDArray gradient(INDArray activations, INDArray gradGoodness) {
            return Transforms.sign(activations, true).muli(gradGoodness);
        }

        @Override
        public double naturalThreshold(int units) {
            return units;
        }
    }

    /** gradient() returns (rows x 1), not the activations' shape. */
    public static final class GradientPerRow implements GoodnessFunction {
        @Override
        public String name() {
            return "per-row-gradient";
        }

        @Override
        public INDArray value(INDArray activations) {
            return Transforms.abs(activations, true).sum(true, 1);
        }

        @Override
        public INDArray gradient(INDArray activations, INDArray gradGoodness) {
            return gradGoodness.dup();
        }

        @Override
        public double naturalThreshold(int units) {
            return units;
        }
    }

    private Extensions extensions() {
        return Extensions.discover(SampleExtensions.loader(dir, Map.of(GoodnessFunction.class,
                List.of(GoodnessPerUnit.class.getName(), GradientPerRow.class.getName()))));
    }

    /** Where discovery says the project's goodness functions come from (their class path entry). */
    private String origin() {
        return extensions().goodnessFunctions().stream().filter(g -> g.name().equals("per-unit")).findFirst()
                .orElseThrow().origin();
    }

    private ExperimentResult run(String algorithm, String goodness, int depth) {
        Extensions extensions = extensions();
        return new ExperimentRunner(extensions).run(new SpecResolver(extensions).resolve(Map.of("algorithm", algorithm,
                "goodness", goodness, "dataset", "synthetic:7:400:100", "depth", String.valueOf(depth), "width", "16",
                "epochs", "1", "batchSize", "50", "maxStepsPerEpoch", "2")));
    }

    @Test
    void aGoodnessOfTheWrongShapeFailsItsCellNamingTheFunctionInsteadOfTrainingOnIt() {
        for (String algorithm : List.of("ff-base", "ff-recurrent")) {
            ModelFailedException e = assertThrows(ModelFailedException.class, () -> run(algorithm, "per-unit", 1), algorithm);
            assertEquals("goodness function per-unit (" + GoodnessPerUnit.class.getName() + ", " + origin() + "):"
                    + " value() returned an array of shape [100, 16] for activations of shape [100, 16]; allowed: one"
                    + " goodness per row, (100 x 1)", e.getMessage(), algorithm);
        }
    }

    @Test
    void aGradientOfTheWrongShapeFailsItsCellNamingTheFunction() {
        ModelFailedException e = assertThrows(ModelFailedException.class, () -> run("ff-recurrent", "per-row-gradient", 3));
        assertEquals(java.util.Optional.of(Problem.found("goodness function per-row-gradient (" + GradientPerRow.class.getName()
                + ", " + origin() + "): gradient()", "returned an array of shape [100, 1] for activations of shape [100, 16]",
                "dL/d(activations), the activations' shape [100, 16]")), e.problem());
    }

    @Test
    void anExceptionOfItsCodeNamesTheFunctionAndKeepsTheCause() {
        GoodnessFunction throwing = CheckedGoodness.of(new GoodnessPerUnit() {
            @Override
            public INDArray value(INDArray activations) {
                throw new IllegalStateException("Mismatched shapes");
            }
        }, "the project's classes");
        ModelFailedException e = assertThrows(ModelFailedException.class,
                () -> throwing.value(Nd4j.ones(DataType.FLOAT, 4, 3)));
        assertTrue(e.getMessage().startsWith("goodness function per-unit ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("the project's classes): value() threw java.lang.IllegalStateException:"
                + " Mismatched shapes"), e.getMessage());
        assertEquals("Mismatched shapes", e.getCause().getMessage());
    }

    @Test
    void aRightGoodnessPassesThroughAndAQuadraticOneKeepsItsFusedPath() {
        GoodnessFunction checked = CheckedGoodness.of(new SumOfSquares(), "built in");
        assertTrue(checked instanceof QuadraticGoodness);
        assertEquals(1.0, ((QuadraticGoodness) checked).coefficient(16));
        INDArray activations = Nd4j.ones(DataType.FLOAT, 4, 3);
        assertEquals(Nd4j.createFromArray(new float[][] {{3}, {3}, {3}, {3}}), checked.value(activations));
        GoodnessFunction plain = CheckedGoodness.of(new GoodnessPerUnit(), "x");
        assertTrue(!(plain instanceof QuadraticGoodness));
        assertSame(plain.getClass(), CheckedGoodness.class);
    }
}
