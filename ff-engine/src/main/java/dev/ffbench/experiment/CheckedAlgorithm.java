package dev.ffbench.experiment;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.AlgorithmTraits;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.Option;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.dataset.ProviderCode;
import dev.ffbench.io.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A discovered algorithm as the engine calls it: every declaration the engine reads (its options,
 * defaults, checks, traits, minimum bytes) is checked where it enters, and an exception the
 * algorithm's code throws there becomes an {@link ExtensionException} that names the algorithm, its
 * class and origin, the method and the line of its code that threw; a bare NullPointerException from
 * deep in a matrix expansion would name none of them. {@link #build} is passed through as it is: the
 * runner turns what a model throws into a failed cell with its stack trace.
 */
final class CheckedAlgorithm implements Algorithm {
    private final Algorithm algorithm;
    private final String name;
    private final String origin;

    CheckedAlgorithm(Algorithm algorithm, String name, String origin) {
        this.algorithm = algorithm;
        this.name = name;
        this.origin = origin;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        String description = call("description()", algorithm::description);
        return description == null ? "" : description;
    }

    @Override
    public List<Option<?>> options() {
        List<Option<?>> options = call("options()", algorithm::options);
        if (options == null) {
            throw refused("options()", "returned null", "a list of options (empty when it has none)");
        }
        Set<String> names = new HashSet<>();
        for (Option<?> option : options) {
            if (option == null) {
                throw refused("options()", "returned a null option", "a list of options, none null");
            }
            if (ExperimentSpec.SHARED_FIELDS.contains(option.name())) {
                throw refused("options()", "declares option '" + option.name() + "', the name of a shared field",
                        "options named apart from the shared fields (" + String.join(", ", ExperimentSpec.SHARED_FIELDS) + ")");
            }
            if (!names.add(option.name())) {
                throw refused("options()", "declares option '" + option.name() + "' twice", "each option once");
            }
            List<String> outOfRange = new ArrayList<>();
            if (option.defaultValue() != null && option.type() != Option.Type.GOODNESS
                    && option.parse(option.defaultValue(), List.of(), outOfRange) == null) {
                // else every cell would fail as if the user had set the value
                throw refused("options()", "declares option '" + option.name() + "' with the default "
                        + option.defaultValue() + ", which the option itself refuses", option.allowed(List.of()));
            }
        }
        return options;
    }

    @Override
    public AlgorithmTraits traits(ExperimentSpec spec) {
        AlgorithmTraits traits = call("traits(spec)", () -> algorithm.traits(spec));
        return traits == null ? AlgorithmTraits.undeclared() : traits;
    }

    @Override
    public double defaultLearningRate() {
        double rate = call("defaultLearningRate()", algorithm::defaultLearningRate);
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw refused("defaultLearningRate()", "returned " + rate, "a finite number > 0");
        }
        return rate;
    }

    @Override
    public Integer defaultBatchSize() {
        Integer batchSize = call("defaultBatchSize()", algorithm::defaultBatchSize);
        if (batchSize != null && batchSize < 1) {
            throw refused("defaultBatchSize()", "returned " + batchSize, "a whole number >= 1, or null for the spec's default");
        }
        return batchSize;
    }

    @Override
    public List<String> problems(ExperimentSpec spec) {
        return problemList("problems(spec)", call("problems(spec)", () -> algorithm.problems(spec)));
    }

    @Override
    public List<String> problems(ExperimentSpec spec, DatasetShape data) {
        return problemList("problems(spec, data)", call("problems(spec, data)", () -> algorithm.problems(spec, data)));
    }

    @Override
    public Model build(ModelContext context) {
        Model model = algorithm.build(context);
        if (model == null) {
            throw refused("build(context)", "returned null", "a Model (its training phases and its predictor)");
        }
        return model;
    }

    @Override
    public OptionalLong minimumBytes(ExperimentSpec spec, int inputSize, int classes) {
        OptionalLong bytes = call("minimumBytes(spec, inputSize, classes)",
                () -> algorithm.minimumBytes(spec, inputSize, classes));
        if (bytes == null || (bytes.isPresent() && bytes.getAsLong() < 0)) {
            throw refused("minimumBytes(spec, inputSize, classes)", "returned " + bytes,
                    "a byte count >= 0, or OptionalLong.empty() when it does not say");
        }
        return bytes;
    }

    private List<String> problemList(String method, List<String> problems) {
        if (problems == null || problems.stream().anyMatch(java.util.Objects::isNull)) {
            throw refused(method, "returned " + problems, "a list of problems, none null (empty when the spec can run)");
        }
        return problems;
    }

    private <T> T call(String method, Supplier<T> declaration) {
        try {
            return declaration.get();
        } catch (RuntimeException | LinkageError e) {
            return failed(method, e);
        }
    }

    private <T> T failed(String method, Throwable e) {
        StackTraceElement line = ProviderCode.lineOf(e, algorithm.getClass());
        throw new ExtensionException(Problem.found(describe(), "threw " + e + " in " + method
                + (line == null ? "" : " at " + ProviderCode.where(line)), method + " returns its value without throwing"));
    }

    private ExtensionException refused(String method, String what, String allowed) {
        return new ExtensionException(Problem.found(describe() + "'s " + method, what, allowed));
    }

    private String describe() {
        return "algorithm '" + name + "' (" + algorithm.getClass().getName() + ", " + origin + ")";
    }
}
