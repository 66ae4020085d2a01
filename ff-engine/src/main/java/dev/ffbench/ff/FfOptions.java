package dev.ffbench.ff;

import dev.ffbench.api.Option;
import dev.ffbench.goodness.Symba;
import dev.ffbench.nn.LearningRateSchedule;
import java.util.List;

/** The options both FF algorithms declare: the goodness function, its loss's settings, the learning-rate schedule and the negatives. */
public final class FfOptions {
    private FfOptions() {}

    /**
     * SymBa by default for both algorithms. Its loss is one per positive and its negative (a pair shares
     * the image in FF Base's first layer), so a unit that responds to the image alone gets no net gradient
     * from it: the threshold loss of sum-squares pushes such units down whenever negatives score high,
     * which killed most of FF Base's first layer on Fashion-MNIST. Measured on mnist-sample and
     * Fashion-MNIST (docs/benchmarks.md, "FF Base: the defaults on two datasets").
     */
    public static final Option<String> GOODNESS = Option.goodness("goodness", Symba.NAME,
            "the layers' goodness function (the matrix's goodness axis)");
    public static final Option<Double> THRESHOLD = Option.number("threshold", null,
            "theta of the threshold loss; unset: the goodness function's natural threshold (sum-squares: the width)");
    public static final Option<Double> ALPHA = Option.number("alpha", null,
            "sharpness of a symmetric loss (symba); unset: the goodness function's default (4)").above(0);
    public static final Option<String> LEARNING_RATE_SCHEDULE = Option.choice("learningRateSchedule", "cooldown",
            LearningRateSchedule.KINDS, "the learning rate of each training phase: constant, or cooled down linearly"
                    + " to 0 over the last coolDownFraction of its steps (loeweX/Forward-Forward)");
    public static final Option<Double> COOL_DOWN_FRACTION = Option.number("coolDownFraction", 0.5,
            "the share of a training phase's steps over which the cooldown schedule falls").above(0).atMost(1);
    public static final Option<String> NEGATIVES = Option.choice("negatives", "uniform", List.of("uniform", "hard"),
            "a wrong label drawn uniformly (never the true one), or in proportion to the model's belief (Hinton 2022, 3.3)");

    /**
     * The weight of peer normalization (Hinton 2022, section 4; loeweX/Forward-Forward): an auxiliary loss
     * keeping each unit's mean activity on positive data near its layer's, its gradient passed straight
     * through the ReLU so that a unit that stopped firing is pushed back ({@link dev.ffbench.nn.PeerNormalization}).
     * One option per algorithm, since each chooses its own default.
     */
    public static Option<Double> peerNormalization(double defaultWeight) {
        return Option.number("peerNormalization", defaultWeight,
                "weight of the peer-normalization loss keeping each unit's mean activity near the layer's"
                        + " (Hinton 2022, 4), passed straight through the ReLU; 0: off").atLeast(0);
    }

    /** FF's default learning rate (Adam): measured on mnist-sample, 784-500-500 (docs/benchmarks.md). */
    public static final double DEFAULT_LEARNING_RATE = 0.003;
}
