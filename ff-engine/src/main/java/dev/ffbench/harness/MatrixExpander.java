package dev.ffbench.harness;

import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.Json;
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
 * plus the extra cells. Every problem is collected first and reported in one exception that
 * names the parameter; a matrix that selects no cell is an error, never a pass.
 */
public final class MatrixExpander {
    /** Spec fields that are matrix axes: setting them through {@code settings} would be ignored. */
    private static final List<String> AXES = List.of("algorithm", "depth", "width", "goodness", "seed", "dataset",
            "epochs", "batchSize", "learningRate", "schedule", "maxStepsPerEpoch", "threads");

    private MatrixExpander() {}

    public static List<Cell> expand(MatrixParameters parameters, Path workingDirectory) {
        FieldValues values = new FieldValues();
        List<String> algorithms = orDefault(values.algorithms("algorithms", parameters.algorithms()),
                parameters.algorithms(), DefaultMatrix.algorithms());
        List<Integer> depths = orDefault(values.ints("depths", parameters.depths(), 1),
                parameters.depths(), DefaultMatrix.DEPTHS);
        List<Integer> widths = orDefault(values.ints("widths", parameters.widths(), 1),
                parameters.widths(), DefaultMatrix.WIDTHS);
        List<String> goodness = orDefault(values.goodness("goodness", parameters.goodness()),
                parameters.goodness(), DefaultMatrix.goodness());
        List<Long> seeds = orDefault(values.longs("seeds", parameters.seeds()), parameters.seeds(), DefaultMatrix.SEEDS);
        String dataset = blank(parameters.dataset()) ? DefaultMatrix.dataset() : parameters.dataset().trim();

        Map<String, String> common = new LinkedHashMap<>();
        common.put("dataset", dataset);
        common.put("epochs", String.valueOf(or(values.integer("epochs", parameters.epochs(), 1), DefaultMatrix.EPOCHS)));
        common.put("batchSize", String.valueOf(or(values.integer("batchSize", parameters.batchSize(), 1),
                DefaultMatrix.BATCH_SIZE)));
        common.put("maxStepsPerEpoch", String.valueOf(or(values.integer("maxStepsPerEpoch",
                parameters.maxStepsPerEpoch(), 0), DefaultMatrix.MAX_STEPS_PER_EPOCH)));
        common.put("threads", String.valueOf(or(values.integer("threads", parameters.threads(), 1),
                DefaultMatrix.threads())));
        Double learningRate = values.number("learningRate", parameters.learningRate());
        if (learningRate != null) {
            if (learningRate <= 0) {
                values.problem("learningRate is '" + parameters.learningRate().trim() + "'; allowed: a number > 0");
            }
            common.put("learningRate", String.valueOf(learningRate));
        }
        if (!blank(parameters.schedule())) {
            List<String> schedule = values.names("schedule", List.of(parameters.schedule()), ExperimentSpec.SCHEDULES,
                    "a schedule");
            schedule.forEach(s -> common.put("schedule", s));
        }
        settings(values, parameters.settings(), common);
        String datasetProblem = DatasetCheck.problem("dataset", dataset, workingDirectory);
        if (datasetProblem != null) {
            values.problem(datasetProblem);
        }

        int batch = Integer.parseInt(common.get("batchSize"));
        String batchProblem = datasetProblem == null ? DatasetCheck.batchProblem("dataset", dataset, batch) : null;
        if (batchProblem != null) {
            values.problem(batchProblem);
        }

        List<CellSelector> includes = selectors(values, "includes", parameters.includes());
        List<CellSelector> excludes = selectors(values, "excludes", parameters.excludes());
        List<CellSelector> extras = selectors(values, "extraCells", parameters.extraCells());
        for (int i = 0; i < extras.size(); i++) {
            for (String extraDataset : extras.get(i).datasets()) {
                String parameter = "extraCells[" + (i + 1) + "].dataset";
                String problem = DatasetCheck.problem(parameter, extraDataset, workingDirectory);
                if (problem == null) {
                    problem = DatasetCheck.batchProblem(parameter, extraDataset, batch);
                }
                if (problem != null) {
                    values.problem(problem);
                }
            }
        }
        values.throwIfAny();

        Set<ExperimentSpec> specs = new LinkedHashSet<>();
        int product = 0;
        for (ExperimentSpec spec : product(algorithms, goodness, depths, widths, seeds, List.of(dataset), common)) {
            product++;
            if ((includes.isEmpty() || includes.stream().anyMatch(s -> s.matches(spec)))
                    && excludes.stream().noneMatch(s -> s.matches(spec))) {
                specs.add(spec);
            }
        }
        for (CellSelector extra : extras) {
            specs.addAll(product(
                    extra.algorithms().isEmpty() ? algorithms : extra.algorithms(),
                    extra.goodness().isEmpty() ? goodness : extra.goodness(),
                    extra.depths().isEmpty() ? depths : extra.depths(),
                    extra.widths().isEmpty() ? widths : extra.widths(),
                    extra.seeds().isEmpty() ? seeds : extra.seeds(),
                    extra.datasets().isEmpty() ? List.of(dataset) : extra.datasets(),
                    common));
        }
        if (specs.isEmpty()) {
            throw new HarnessException("the experiment matrix is empty: includes/excludes leave none of the " + product
                    + " cells of algorithms x goodness x depths x widths x seeds, and no extraCells are configured;"
                    + " an empty matrix is an error, not a pass: relax includes/excludes or add extraCells");
        }
        return cells(new ArrayList<>(specs), dataset);
    }

    private static List<ExperimentSpec> product(List<String> algorithms, List<String> goodness, List<Integer> depths,
            List<Integer> widths, List<Long> seeds, List<String> datasets, Map<String, String> common) {
        List<ExperimentSpec> specs = new ArrayList<>();
        String defaultGoodness = DefaultMatrix.goodness().get(0);
        for (String dataset : datasets) {
            for (String algorithm : algorithms) {
                // Backprop has no goodness function: one cell, not one per goodness value.
                List<String> goodnessAxis = Algorithms.usesGoodness(algorithm) ? goodness : List.of(defaultGoodness);
                for (String g : goodnessAxis) {
                    for (int depth : depths) {
                        for (int width : widths) {
                            for (long seed : seeds) {
                                Map<String, String> fields = new LinkedHashMap<>(common);
                                fields.put("dataset", dataset);
                                fields.put("algorithm", algorithm);
                                fields.put("goodness", g);
                                fields.put("depth", String.valueOf(depth));
                                fields.put("width", String.valueOf(width));
                                fields.put("seed", String.valueOf(seed));
                                specs.add(Json.readSpec("", fields));
                            }
                        }
                    }
                }
            }
        }
        return specs;
    }

    private static List<Cell> cells(List<ExperimentSpec> specs, String matrixDataset) {
        List<String> ids = CellIds.assign(specs, matrixDataset);
        List<String> problems = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            for (String problem : specs.get(i).problems()) {
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
            cells.add(new Cell(i, ids.get(i), specs.get(i)));
        }
        if (!problems.isEmpty()) {
            throw new HarnessException(problems.stream().map(p -> "cell spec: " + p).toList());
        }
        return List.copyOf(cells);
    }

    /** {@code field=value} entries for any other spec field, checked against the engine's spec. */
    private static void settings(FieldValues values, List<String> settings, Map<String, String> common) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String setting : FieldValues.clean(settings)) {
            int equals = setting.indexOf('=');
            String field = equals < 0 ? setting : setting.substring(0, equals).trim();
            if (equals <= 0) {
                values.problem("settings: '" + setting + "' is not field=value; allowed: a spec field and its value,"
                        + " e.g. finishedLayerKeeps=all");
            } else if (AXES.contains(field)) {
                values.problem("settings: '" + setting + "' sets " + field + ", which is a matrix parameter;"
                        + " allowed: the fields that are not (" + String.join(", ", AXES) + "); set it with its own parameter");
            } else {
                parsed.put(field, setting.substring(equals + 1).trim());
            }
        }
        try {
            Json.readSpec("", parsed);
            common.putAll(parsed);
        } catch (IllegalArgumentException e) {
            values.problem("settings: " + e.getMessage() + "; allowed fields: those of the engine's spec (see README, Spec fields)");
        }
    }

    private static List<CellSelector> selectors(FieldValues values, String parameter, List<Map<String, String>> raw) {
        List<CellSelector> selectors = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = parameter + "[" + (i + 1) + "]";
            CellSelector selector = values.selector(name, values.expand(name, raw.get(i), FieldValues.SELECTOR_FIELDS));
            if (selector.isAny()) {
                values.problem(parameter + "[" + (i + 1) + "] sets no field; allowed fields: "
                        + String.join(", ", FieldValues.SELECTOR_FIELDS));
            }
            selectors.add(selector);
        }
        return selectors;
    }

    /** The parsed list, or the default when the user gave nothing (a list of only bad values stays empty). */
    private static <T> List<T> orDefault(List<T> parsed, List<String> raw, List<T> fallback) {
        return FieldValues.clean(raw).isEmpty() ? fallback : parsed;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
