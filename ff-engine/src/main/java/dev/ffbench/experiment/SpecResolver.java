package dev.ffbench.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ffbench.api.Algorithm;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Option;
import dev.ffbench.api.Options;
import dev.ffbench.io.Json;
import dev.ffbench.io.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and checks {@link ExperimentSpec}s from what users write: a spec file (JSON), {@code --set
 * field=value} overrides, POM settings. Shared fields and the algorithm's options are given by name
 * side by side ({@code iterations=4}) or, in JSON, options may sit in an {@code options} object.
 * Every problem is collected and reported at once, each naming the field, the value and what is
 * allowed; option defaults (and the algorithm's default learning rate) are filled in and values made
 * canonical, so the same configuration always gives an equal spec, and the spec records what runs.
 */
public final class SpecResolver {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final Extensions extensions;

    public SpecResolver(Extensions extensions) {
        this.extensions = extensions;
    }

    public Extensions extensions() {
        return extensions;
    }

    /** A resolver over the engine's own discovered extensions. */
    public static SpecResolver engine() {
        return new SpecResolver(Extensions.engine());
    }

    /**
     * The spec that {@code json} (a JSON object; blank for none) and then {@code overrides} describe
     * over the defaults.
     *
     * @throws InvalidSpecException listing every problem
     */
    public ExperimentSpec read(String json, Map<String, String> overrides) {
        Map<String, Object> fields;
        try {
            fields = json == null || json.isBlank() ? new LinkedHashMap<>() : Json.mapper().readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(List.of("the spec is not a JSON object of fields: " + e.getOriginalMessage()));
        }
        Map<String, Object> all = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.equals("options") && value instanceof Map<?, ?> nested) {
                nested.forEach((option, optionValue) -> all.put(String.valueOf(option), optionValue));
            } else {
                all.put(name, value);
            }
        });
        all.putAll(overrides);
        return resolve(all);
    }

    /**
     * Checks that {@code spec} is what {@link #resolve} gives (e.g. a cell's spec read back as is in its
     * fork, or one a test built by hand): every value in range and of its canonical type, every option
     * declared, every default filled in, the algorithm's own checks passed. Its values are typed, so
     * nothing is parsed; a spec that is not resolved is refused, not silently completed.
     *
     * @throws InvalidSpecException naming each problem, or each field that resolving would change
     */
    public void requireResolved(ExperimentSpec spec) {
        Map<String, Object> given = fieldsOf(spec);
        ExperimentSpec resolved = resolve(given, spec);
        Map<String, Object> expected = fieldsOf(resolved);
        List<Problem> differences = new ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>(expected.keySet());
        names.addAll(given.keySet());
        for (String name : names) {
            if (!java.util.Objects.equals(given.get(name), expected.get(name))) {
                differences.add(Problem.found("the spec is not resolved: " + name, "is " + describe(given.get(name))
                        + " where the resolved spec has " + describe(expected.get(name)),
                        "a spec built by SpecResolver.resolve, which fills in every default"));
            }
        }
        if (!differences.isEmpty()) {
            throw InvalidSpecException.of(differences);
        }
    }

    private static String describe(Object value) {
        return value == null ? "unset" : value instanceof String ? "'" + value + "'"
                : value + " (" + value.getClass().getSimpleName() + ")";
    }

    /**
     * The part of {@code settings} that applies to {@code algorithm}: the shared fields and the options it
     * declares (a setting of another algorithm's option is left out, not an error: see {@link #checkUsed}).
     */
    public <V> Map<String, V> applicable(String algorithm, Map<String, V> settings) {
        List<String> declared = extensions.hasAlgorithm(algorithm)
                ? extensions.algorithm(algorithm).options().stream().map(Option::name).toList() : List.of();
        Map<String, V> applicable = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            if (ExperimentSpec.SHARED_FIELDS.contains(name) || declared.contains(name)) {
                applicable.put(name, value);
            }
        });
        return applicable;
    }

    /**
     * The settings that no algorithm of {@code algorithms} reads, each as a problem naming it and the
     * options those algorithms do declare: a typo would otherwise be dropped in silence.
     */
    public List<Problem> unusedProblems(java.util.Collection<String> algorithms, java.util.Collection<String> settings) {
        List<Problem> problems = new ArrayList<>();
        java.util.Set<String> declared = new java.util.LinkedHashSet<>();
        for (String algorithm : algorithms) {
            if (extensions.hasAlgorithm(algorithm)) {
                extensions.algorithm(algorithm).options().forEach(o -> declared.add(o.name()));
            }
        }
        for (String name : settings) {
            if (!ExperimentSpec.SHARED_FIELDS.contains(name) && !declared.contains(name)) {
                problems.add(Problem.found(name, "is not a field of the spec nor an option of " + String.join(", ", algorithms),
                        "the shared fields (" + String.join(", ", ExperimentSpec.SHARED_FIELDS)
                        + ") and these algorithms' options (" + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")"));
            }
        }
        return problems;
    }

    /** Throws {@link InvalidSpecException} when {@link #unusedProblems} finds any setting no algorithm reads. */
    public void checkUsed(java.util.Collection<String> algorithms, java.util.Collection<String> settings) {
        List<Problem> problems = unusedProblems(algorithms, settings);
        if (!problems.isEmpty()) {
            throw InvalidSpecException.of(problems);
        }
    }

    /** The shared fields and the options of {@code spec}, by name, as {@link #resolve} takes them. */
    public static Map<String, Object> fieldsOf(ExperimentSpec spec) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("algorithm", spec.algorithm());
        fields.put("dataset", spec.dataset());
        fields.put("depth", spec.depth());
        fields.put("width", spec.width());
        fields.put("epochs", spec.epochs());
        fields.put("batchSize", spec.batchSize());
        fields.put("optimizer", spec.optimizer());
        if (spec.learningRate() != null) {
            fields.put("learningRate", spec.learningRate());
        }
        fields.put("seed", spec.seed());
        fields.put("threads", spec.threads());
        fields.put("maxStepsPerEpoch", spec.maxStepsPerEpoch());
        fields.put("evaluateEvery", spec.evaluateEvery());
        if (spec.targetAccuracy() != null) {
            fields.put("targetAccuracy", spec.targetAccuracy());
        }
        fields.putAll(spec.options().values());
        return fields;
    }

    /**
     * The spec with the given fields (shared fields and options by name, as text or typed values) over
     * {@link ExperimentSpec#defaults()}.
     *
     * @throws InvalidSpecException listing every problem
     */
    public ExperimentSpec resolve(Map<String, ?> fields) {
        return resolve(fields, ExperimentSpec.defaults());
    }

    /**
     * The spec with the given fields over {@code base}, each field layered in one place: the value in
     * {@code fields}, else the algorithm's default (its batch size and learning rate, its options'
     * defaults), else {@code base}'s. A value is text (POM, {@code --set}) or already the field's
     * canonical type (an {@link Integer} depth, a {@link Long} seed, a {@link Double} option, as
     * {@link #parse} gives them): text is parsed here once, a typed value is only range-checked.
     *
     * @param base the bottom layer: {@link ExperimentSpec#defaults()}, or the matrix's cell defaults
     * @throws InvalidSpecException listing every problem
     */
    public ExperimentSpec resolve(Map<String, ?> fields, ExperimentSpec base) {
        List<Problem> problems = new ArrayList<>();
        String algorithmName = fields.get("algorithm") == null ? base.algorithm() : String.valueOf(fields.get("algorithm")).trim();
        Algorithm found = extensions.hasAlgorithm(algorithmName) ? extensions.algorithm(algorithmName) : null;
        Map<String, Object> typed = parse(algorithmName, fields, problems);
        String dataset = (String) typed.getOrDefault("dataset", base.dataset());
        if (dataset.isBlank()) {
            problems.add(Problem.found("dataset", "is empty", dev.ffbench.dataset.Datasets.forms(
                    extensions.datasetSources().stream().map(Extensions.Provided::value).toList())));
        }
        Integer algorithmBatchSize = found == null ? null : found.defaultBatchSize();
        int batchSize = (Integer) typed.getOrDefault("batchSize", algorithmBatchSize != null ? algorithmBatchSize : base.batchSize());
        Double learningRate = (Double) typed.get("learningRate");
        if (learningRate == null && found != null) {
            learningRate = found.defaultLearningRate();
        }
        Options options = Options.NONE;
        if (found == null) {
            problems.add(new Problem("algorithm", algorithmName, Extensions.describe(extensions.algorithms())));
        } else {
            options = options(found, fields.keySet(), typed, problems);
        }
        ExperimentSpec spec = new ExperimentSpec(algorithmName, dataset,
                (Integer) typed.getOrDefault("depth", base.depth()),
                (Integer) typed.getOrDefault("width", base.width()),
                (Integer) typed.getOrDefault("epochs", base.epochs()),
                batchSize,
                (String) typed.getOrDefault("optimizer", base.optimizer()),
                learningRate,
                (Long) typed.getOrDefault("seed", base.seed()),
                (Integer) typed.getOrDefault("threads", base.threads()),
                (Integer) typed.getOrDefault("maxStepsPerEpoch", base.maxStepsPerEpoch()),
                (Integer) typed.getOrDefault("evaluateEvery", base.evaluateEvery()),
                (Double) typed.getOrDefault("targetAccuracy", base.targetAccuracy()),
                options);
        if (!problems.isEmpty()) {
            throw InvalidSpecException.of(problems);
        }
        // the algorithm's own checks see a spec whose fields are each fine; it words its problems itself
        List<String> own = found.problems(spec);
        if (!own.isEmpty()) {
            throw new InvalidSpecException(own);
        }
        return spec;
    }

    /**
     * Each of {@code fields} that is a shared field or an option of {@code algorithm} as its canonical
     * typed value (Integer, Long, Double, Boolean, String), in the order the spec writes them: parsed
     * from text once, or range-checked when already typed. A bad value adds a problem naming the field,
     * the value and what is allowed, and is left out; so is a name that is neither (which
     * {@link #resolve} reports) and a blank learningRate or targetAccuracy (unset).
     */
    public Map<String, Object> parse(String algorithm, Map<String, ?> fields, List<Problem> problems) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (String name : ExperimentSpec.SHARED_FIELDS) {
            Object value = fields.get(name);
            Object parsed = value == null ? null : sharedField(name, value, problems);
            if (parsed != null) {
                typed.put(name, parsed);
            }
        }
        if (extensions.hasAlgorithm(algorithm)) {
            for (Option<?> option : extensions.algorithm(algorithm).options()) {
                if (fields.containsKey(option.name())) {
                    Object value = fields.get(option.name());
                    Problem problem = option.problem(value, extensions.goodnessNames());
                    if (problem != null) {
                        problems.add(problem);
                    } else {
                        // accepted: parse only converts it, and adds no problem
                        typed.put(option.name(), option.parse(value, extensions.goodnessNames(), List.of()));
                    }
                }
            }
        }
        return typed;
    }

    private Object sharedField(String name, Object value, List<Problem> problems) {
        return switch (name) {
            case "algorithm", "dataset" -> String.valueOf(value).trim();
            case "optimizer" -> {
                String text = String.valueOf(value).trim();
                if (ExperimentSpec.OPTIMIZERS.contains(text)) {
                    yield text;
                }
                problems.add(new Problem("optimizer", text, String.join(", ", ExperimentSpec.OPTIMIZERS)));
                yield null;
            }
            case "depth", "width", "epochs", "batchSize", "threads" -> whole(name, value, 1, problems);
            case "maxStepsPerEpoch", "evaluateEvery" -> whole(name, value, 0, problems);
            case "learningRate" -> learningRate(value, problems);
            case "seed" -> seed(value, problems);
            case "targetAccuracy" -> fraction(value, problems);
            default -> throw new IllegalArgumentException("not a shared field: " + name);
        };
    }

    /**
     * The algorithm's declared options: given values (already parsed into {@code typed}), the rest
     * defaulted; a given name that is neither a shared field nor declared is a problem.
     */
    private Options options(Algorithm algorithm, java.util.Set<String> given, Map<String, Object> typed,
            List<Problem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> declared = new ArrayList<>();
        for (Option<?> option : algorithm.options()) {
            declared.add(option.name());
            if (typed.containsKey(option.name())) {
                values.put(option.name(), typed.get(option.name()));
            } else if (!given.contains(option.name()) && option.defaultValue() != null) {
                values.put(option.name(), option.defaultValue());
            }
        }
        for (String name : given) {
            if (!ExperimentSpec.SHARED_FIELDS.contains(name) && !declared.contains(name)) {
                problems.add(Problem.found(name, "is not a field of the spec nor an option of " + algorithm.name(), "the"
                        + " shared fields (" + String.join(", ", ExperimentSpec.SHARED_FIELDS) + ") and "
                        + algorithm.name() + "'s options (" + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")"));
            }
        }
        return new Options(values);
    }

    private static Integer whole(String name, Object value, int minimum, List<Problem> problems) {
        Integer parsed = value instanceof Integer i ? i : null;
        String text = String.valueOf(value).trim();
        if (!(value instanceof Number)) {
            try {
                parsed = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (parsed != null && parsed >= minimum) {
            return parsed;
        }
        problems.add(new Problem(name, text, "a whole number >= " + minimum));
        return null;
    }

    /** A finite number from text or a JSON number, or null (no problem) when it is not one. */
    private static Double number(Object value) {
        if (value instanceof Number n) {
            return Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
        }
        try {
            double parsed = Double.parseDouble(String.valueOf(value).trim());
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double learningRate(Object value, List<Problem> problems) {
        if (String.valueOf(value).isBlank()) {
            return null;
        }
        Double parsed = number(value);
        if (parsed != null && parsed > 0) {
            return parsed;
        }
        problems.add(new Problem("learningRate", String.valueOf(value).trim(), "a finite number > 0 (or unset: the algorithm's default)"));
        return null;
    }

    private static Double fraction(Object value, List<Problem> problems) {
        if (String.valueOf(value).isBlank()) {
            return null;
        }
        Double parsed = number(value);
        if (parsed != null && parsed > 0 && parsed <= 1) {
            return parsed;
        }
        problems.add(new Problem("targetAccuracy", String.valueOf(value).trim(), "a fraction > 0 and <= 1 (0.9 means 90 %), or unset"));
        return null;
    }

    private static Long seed(Object value, List<Problem> problems) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        String text = String.valueOf(value).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(new Problem("seed", text, "a whole number"));
            return null;
        }
    }
}
