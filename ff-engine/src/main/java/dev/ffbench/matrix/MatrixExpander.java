package dev.ffbench.matrix;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.experiment.InvalidSpecException;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@link MatrixParameters} into the cells to run: the cartesian product of algorithms x
 * goodness x depths x widths x seeds (in that nesting order), filtered by includes and excludes,
 * plus the extra cells. The goodness axis multiplies only the algorithms that have a goodness
 * function; a setting reaches only the algorithms that declare it (or the one it is scoped to, as in
 * {@code ff-recurrent.iterations=4}). Every problem is collected first and reported in one exception
 * that names the parameter; a matrix that selects no cell, and a value that no cell would use, are
 * errors, never a silent pass.
 */
public final class MatrixExpander {
    /** Fields with a parameter of their own: setting them through {@code settings} is refused. */
    private static final List<String> OWN_PARAMETERS = List.of("algorithm", "depth", "width", "goodness", "seed",
            "dataset", "epochs", "batchSize", "learningRate", "schedule", "maxStepsPerEpoch", "threads");
    /**
     * Of those, the one a setting may still give a single algorithm (backprop.learningRate=0.0003): each
     * algorithm has its own default rate, so a matrix that compares them may need its own rate for one.
     */
    private static final String SCOPABLE_PARAMETER = "learningRate";

    private MatrixExpander() {}

    /**
     * @param workingDirectory what relative dataset directories are relative to (the project directory)
     * @param extensions the algorithms, goodness functions and dataset sources the cells may use
     */
    public static List<Cell> expand(MatrixParameters parameters, Path workingDirectory, Extensions extensions) {
        FieldValues values = new FieldValues(KnownNames.of(extensions));
        List<String> algorithms = orDefault(values.algorithms("algorithms", parameters.algorithms()),
                parameters.algorithms(), DefaultMatrix.algorithms(extensions));
        List<Integer> depths = orDefault(values.ints("depths", parameters.depths(), 1),
                parameters.depths(), DefaultMatrix.DEPTHS);
        List<Integer> widths = orDefault(values.ints("widths", parameters.widths(), 1),
                parameters.widths(), DefaultMatrix.WIDTHS);
        // null: not configured, each algorithm keeps its own default goodness function
        List<String> goodness = FieldValues.clean(parameters.goodness()).isEmpty()
                ? null : values.goodness("goodness", parameters.goodness());
        List<Long> seeds = orDefault(values.longs("seeds", parameters.seeds()), parameters.seeds(), DefaultMatrix.SEEDS);
        String dataset = blank(parameters.dataset()) ? DefaultMatrix.dataset() : parameters.dataset().trim();

        // the values the user gave, each parsed once and typed; what is not given is layered by the resolver
        // (the algorithm's default, else the matrix's cell defaults: DefaultMatrix.cellDefaults)
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("dataset", dataset);
        Integer epochs = values.integer("epochs", parameters.epochs(), 1);
        Integer batchSize = values.integer("batchSize", parameters.batchSize(), 1);
        Integer maxSteps = values.integer("maxStepsPerEpoch", parameters.maxStepsPerEpoch(), 0);
        Integer threads = values.integer("threads", parameters.threads(), 1);
        putIfGiven(common, "epochs", epochs);
        putIfGiven(common, "batchSize", batchSize);
        putIfGiven(common, "maxStepsPerEpoch", maxSteps);
        putIfGiven(common, "threads", threads);
        Double learningRate = values.positiveNumber("learningRate", parameters.learningRate());
        putIfGiven(common, "learningRate", learningRate);
        // scoped settings: algorithm name -> field -> value; "" holds the unscoped ones
        Map<String, Map<String, String>> settings = settings(values, parameters.settings(), extensions);
        if (!blank(parameters.schedule())) {
            settings.computeIfAbsent("", k -> new LinkedHashMap<>()).put("schedule", parameters.schedule().trim());
        }
        SpecResolver resolver = new SpecResolver(extensions);
        checkUsed(values, resolver, extensions, algorithms, goodness, settings);
        List<CellSelector> includes = selectors(values, "includes", parameters.includes());
        List<CellSelector> excludes = selectors(values, "excludes", parameters.excludes());
        List<CellSelector> extras = selectors(values, "extraCells", parameters.extraCells());
        Set<String> allAlgorithms = algorithmsOf(algorithms, extras);
        Map<String, Map<String, Object>> typedSettings = typedSettings(values, resolver, settings, allAlgorithms);
        int largestBatch = largestBatch(batchSize, allAlgorithms, extensions);

        if (!DatasetCheck.check(values, "dataset", dataset, workingDirectory, extensions)
                && (batchSize != null || blank(parameters.batchSize()))) {
            // a batchSize that is itself bad is reported once, not measured against the dataset too
            DatasetCheck.checkBatch(values, "dataset", dataset, largestBatch, workingDirectory, extensions);
        }

        for (int i = 0; i < extras.size(); i++) {
            for (String extraDataset : extras.get(i).datasets()) {
                String parameter = "extraCells[" + (i + 1) + "].dataset";
                if (!DatasetCheck.check(values, parameter, extraDataset, workingDirectory, extensions)) {
                    DatasetCheck.checkBatch(values, parameter, extraDataset, largestBatch, workingDirectory, extensions);
                }
            }
        }
        values.throwIfAny();

        Product product = new Product(resolver, common, typedSettings, java.util.Collections.min(depths));
        Set<ExperimentSpec> specs = new LinkedHashSet<>();
        int productSize = 0;
        boolean[] includeUsed = new boolean[includes.size()];
        boolean[] excludeUsed = new boolean[excludes.size()];
        for (ExperimentSpec spec : product.specs(algorithms, goodness, depths, widths, seeds, List.of(dataset))) {
            productSize++;
            boolean included = includes.isEmpty() || mark(includes, includeUsed, spec);
            if (!mark(excludes, excludeUsed, spec) && included) {
                specs.add(spec);
            }
        }
        List<Problem> unused = new ArrayList<>();
        unusedPatterns(unused, "includes", "includes", includes, includeUsed, productSize);
        unusedPatterns(unused, "excludes", "excludes", excludes, excludeUsed, productSize);
        for (int i = 0; i < extras.size(); i++) {
            CellSelector extra = extras.get(i);
            List<ExperimentSpec> block = product.specs(
                    extra.algorithms().isEmpty() ? algorithms : extra.algorithms(),
                    extra.goodness().isEmpty() ? goodness : extra.goodness(),
                    extra.depths().isEmpty() ? depths : extra.depths(),
                    extra.widths().isEmpty() ? widths : extra.widths(),
                    extra.seeds().isEmpty() ? seeds : extra.seeds(),
                    extra.datasets().isEmpty() ? List.of(dataset) : extra.datasets());
            if (!block.isEmpty() && !specs.addAll(block)) {
                // its cells are merged with the matrix's: the block changes nothing, which was hardly meant
                unused.add(Problem.found("extraCells[" + (i + 1) + "] (" + extra.describe() + ")", "adds no cell: all "
                        + block.size() + (block.size() == 1 ? " of its cells is" : " of its cells are") + " in the matrix already",
                        "an extra cell block that adds at least one cell"));
            }
        }
        if (!product.problems.isEmpty()) {
            throw new HarnessException(product.problems, product.typedProblems);
        }
        if (!unused.isEmpty()) {
            throw HarnessException.of(unused);
        }
        if (specs.isEmpty()) {
            throw new HarnessException("the experiment matrix is empty: includes/excludes leave none of the " + productSize
                    + " cells of algorithms x goodness x depths x widths x seeds, and no extraCells are configured;"
                    + " an empty matrix is an error, not a pass: relax includes/excludes or add extraCells");
        }
        return cells(new ArrayList<>(specs), dataset);
    }

    /** Builds and checks the specs of a product, collecting every distinct problem. */
    private static final class Product {
        private final SpecResolver resolver;
        private final Map<String, Object> common;
        private final Map<String, Map<String, Object>> settings;
        /** Every distinct problem's sentence, "cell spec: ..." */
        private final List<String> problems = new ArrayList<>();
        /** Those of them built as data (an algorithm words its own checks: those are sentences only). */
        private final List<Problem> typedProblems = new ArrayList<>();
        /** Cells at or below this depth are accuracy cells when maxStepsPerEpoch is not configured. */
        private final int accuracyDepth;

        Product(SpecResolver resolver, Map<String, Object> common, Map<String, Map<String, Object>> settings,
                int accuracyDepth) {
            this.resolver = resolver;
            this.common = common;
            this.settings = settings;
            this.accuracyDepth = accuracyDepth;
        }

        List<ExperimentSpec> specs(List<String> algorithms, List<String> goodness, List<Integer> depths,
                List<Integer> widths, List<Long> seeds, List<String> datasets) {
            List<ExperimentSpec> specs = new ArrayList<>();
            for (String dataset : datasets) {
                for (String algorithm : algorithms) {
                    // an algorithm without a goodness function: one cell, not one per goodness value
                    boolean multiplies = goodness != null && resolver.extensions().usesGoodness(algorithm);
                    List<String> goodnessAxis = multiplies ? goodness : java.util.Collections.singletonList(null);
                    for (String g : goodnessAxis) {
                        for (int depth : depths) {
                            for (int width : widths) {
                                for (long seed : seeds) {
                                    // every value is typed already: the resolver layers and checks, it parses nothing
                                    Map<String, Object> fields = new LinkedHashMap<>(common);
                                    fields.putAll(settings.getOrDefault(algorithm, Map.of()));
                                    fields.put("dataset", dataset);
                                    fields.put("algorithm", algorithm);
                                    if (g != null) {
                                        fields.put(dev.ffbench.experiment.Extensions.GOODNESS_OPTION, g);
                                    }
                                    fields.put("depth", depth);
                                    fields.put("width", width);
                                    fields.put("seed", seed);
                                    try {
                                        specs.add(resolver.resolve(fields, DefaultMatrix.cellDefaults(depth, accuracyDepth)));
                                    } catch (InvalidSpecException e) {
                                        collect(e);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return specs;
        }

        /** Adds the problems of one cell's spec that no cell before it had, each named a cell spec's. */
        private void collect(InvalidSpecException e) {
            List<String> typedSentences = e.typedProblems().stream().map(Problem::message).toList();
            for (Problem problem : e.typedProblems()) {
                Problem named = problem.within("cell spec: ");
                if (!problems.contains(named.message())) {
                    problems.add(named.message());
                    typedProblems.add(named);
                }
            }
            e.problems().stream().filter(sentence -> !typedSentences.contains(sentence)).map(sentence -> "cell spec: " + sentence)
                    .filter(sentence -> !problems.contains(sentence)).forEach(problems::add);
        }
    }

    /**
     * Each algorithm's settings (the unscoped ones it declares, then its scoped ones), parsed once into
     * typed values; a bad value is a problem naming the setting, reported once however many cells use it.
     */
    private static Map<String, Map<String, Object>> typedSettings(FieldValues values, SpecResolver resolver,
            Map<String, Map<String, String>> settings, java.util.Collection<String> algorithms) {
        Map<String, Map<String, Object>> typed = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (String algorithm : algorithms) {
            Map<String, String> given = new LinkedHashMap<>(resolver.applicable(algorithm, settings.getOrDefault("", Map.of())));
            given.putAll(settings.getOrDefault(algorithm, Map.of()));
            List<Problem> own = new ArrayList<>();
            typed.put(algorithm, resolver.parse(algorithm, given, own));
            // a setting written for this algorithm alone (ff-recurrent.x) is named as it was written
            Map<String, String> scoped = settings.getOrDefault(algorithm, Map.of());
            own.stream().map(p -> p.within("settings: " + (scoped.containsKey(p.thing()) ? algorithm + "." : "")))
                    .filter(p -> !problems.contains(p)).forEach(problems::add);
        }
        problems.forEach(values::problem);
        return typed;
    }

    /** The matrix's algorithms and those its extra cell blocks add, in order, once each. */
    private static Set<String> algorithmsOf(List<String> algorithms, List<CellSelector> extras) {
        Set<String> all = new LinkedHashSet<>(algorithms);
        extras.forEach(extra -> all.addAll(extra.algorithms()));
        return all;
    }

    /** The largest batch any cell will train with: the user's, else the largest of the algorithms' defaults. */
    private static int largestBatch(Integer given, java.util.Collection<String> algorithms, Extensions extensions) {
        if (given != null) {
            return given;
        }
        int largest = ExperimentSpec.defaults().batchSize();
        for (String algorithm : algorithms) {
            Integer own = extensions.hasAlgorithm(algorithm) ? extensions.algorithm(algorithm).defaultBatchSize() : null;
            largest = Math.max(largest, own == null ? ExperimentSpec.defaults().batchSize() : own);
        }
        return largest;
    }

    /**
     * A goodness axis no algorithm of the matrix has, and settings that no algorithm reads, would be
     * dropped in silence: each is a problem.
     */
    private static void checkUsed(FieldValues values, SpecResolver resolver, Extensions extensions, List<String> algorithms,
            List<String> goodness, Map<String, Map<String, String>> settings) {
        if (goodness != null && !goodness.isEmpty() && algorithms.stream().noneMatch(extensions::usesGoodness)) {
            values.problem(new Problem("goodness", String.join(",", goodness),
                    "goodness only with an FF algorithm (e.g. ff-base), or leave goodness unset",
                    "but none of the algorithms (" + String.join(", ", algorithms) + ") has a goodness function"));
        }
        for (Map.Entry<String, Map<String, String>> scoped : settings.entrySet()) {
            String algorithm = scoped.getKey();
            List<String> readers = algorithm.isEmpty() ? algorithms : List.of(algorithm);
            for (Problem problem : resolver.unusedProblems(readers, scoped.getValue().keySet())) {
                values.problem(problem.within("settings: " + (algorithm.isEmpty() ? "" : algorithm + ".")));
            }
            if (!algorithm.isEmpty() && !algorithms.contains(algorithm)) {
                values.problem(Problem.found("settings: '" + algorithm + "." + String.join("', '" + algorithm + ".",
                        scoped.getValue().keySet()) + "'", "is scoped to " + algorithm + ", which is not in the matrix ("
                        + String.join(", ", algorithms) + ")", "settings of the matrix's algorithms"));
            }
        }
    }

    /** Whether any of {@code patterns} matches {@code spec}, marking every one that does. */
    private static boolean mark(List<CellSelector> patterns, boolean[] used, ExperimentSpec spec) {
        boolean any = false;
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matches(spec)) {
                used[i] = true;
                any = true;
            }
        }
        return any;
    }

    /**
     * An include or exclude that matches no cell of the product does nothing: a typo (depth=61 for 16)
     * would otherwise change nothing in silence.
     */
    private static void unusedPatterns(List<Problem> problems, String parameter, String verb, List<CellSelector> patterns,
            boolean[] used, int productSize) {
        for (int i = 0; i < patterns.size(); i++) {
            if (!used[i]) {
                problems.add(Problem.found(parameter + "[" + (i + 1) + "] (" + patterns.get(i).describe() + ")",
                        "matches none of the " + productSize + " cells of algorithms x goodness x depths x widths x seeds,"
                        + " so it " + verb + " nothing", "a pattern that matches at least one of them"));
            }
        }
    }

    private static List<Cell> cells(List<ExperimentSpec> specs, String matrixDataset) {
        List<String> ids = CellIds.assign(specs, matrixDataset);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            cells.add(new Cell(i, ids.get(i), specs.get(i)));
        }
        return List.copyOf(cells);
    }

    /**
     * {@code field=value} (every algorithm that declares the field) or {@code algorithm.field=value}
     * (that algorithm only) for any spec field or option without a parameter of its own.
     */
    private static Map<String, Map<String, String>> settings(FieldValues values, List<String> settings,
            Extensions extensions) {
        Map<String, Map<String, String>> parsed = new LinkedHashMap<>();
        for (String setting : FieldValues.clean(settings)) {
            int equals = setting.indexOf('=');
            String key = equals < 0 ? setting : setting.substring(0, equals).trim();
            int dot = key.indexOf('.');
            String algorithm = dot < 0 ? "" : key.substring(0, dot);
            String field = dot < 0 ? key : key.substring(dot + 1);
            if (equals <= 0) {
                values.problem(Problem.found("settings: '" + setting + "'", "is not field=value", "a spec field or an"
                        + " algorithm's option and its value, e.g. finishedLayerKeeps=all or ff-recurrent.iterations=4"));
            } else if (OWN_PARAMETERS.contains(field) && !(field.equals(SCOPABLE_PARAMETER) && !algorithm.isEmpty())) {
                values.problem(Problem.found("settings: '" + setting + "'", "sets " + field + ", which is a matrix parameter",
                        "the fields that are not (" + String.join(", ", OWN_PARAMETERS) + "); set " + field
                        + " with its own parameter" + (field.equals(SCOPABLE_PARAMETER) ? ", or scope it to one algorithm,"
                        + " e.g. backprop." + SCOPABLE_PARAMETER + "=0.0003" : "")));
            } else if (!algorithm.isEmpty() && !extensions.hasAlgorithm(algorithm)) {
                values.problem(Problem.found("settings: '" + setting + "'", "is scoped to '" + algorithm
                        + "', which is not an algorithm", values.names().algorithmListing()));
            } else {
                String value = setting.substring(equals + 1).trim();
                String previous = parsed.computeIfAbsent(algorithm, k -> new LinkedHashMap<>()).put(field, value);
                if (previous != null) {
                    values.problem(Problem.found("settings: " + key, "is set twice ('" + previous + "' and '" + value + "')",
                            "one value per field"));
                }
            }
        }
        return parsed;
    }

    private static List<CellSelector> selectors(FieldValues values, String parameter, List<Map<String, String>> raw) {
        List<CellSelector> selectors = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = parameter + "[" + (i + 1) + "]";
            CellSelector selector = values.selector(name, values.expand(name, raw.get(i), FieldValues.SELECTOR_FIELDS));
            if (selector.isAny()) {
                values.problem(Problem.found(parameter + "[" + (i + 1) + "]", "sets no field",
                        "the fields " + String.join(", ", FieldValues.SELECTOR_FIELDS)));
            }
            selectors.add(selector);
        }
        return selectors;
    }

    /** The parsed list, or the default when the user gave nothing (a list of only bad values stays empty). */
    private static <T> List<T> orDefault(List<T> parsed, List<String> raw, List<T> fallback) {
        return FieldValues.clean(raw).isEmpty() ? fallback : parsed;
    }

    private static void putIfGiven(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
