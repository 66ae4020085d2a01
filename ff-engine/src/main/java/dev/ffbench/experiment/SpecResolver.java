package dev.ffbench.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.ffbench.api.Algorithm;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Option;
import dev.ffbench.api.Options;
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

    /** A spec checked again and made canonical (e.g. one read from a cell's spec file). */
    public ExperimentSpec canonical(ExperimentSpec spec) {
        return resolve(fieldsOf(spec));
    }

    /** Every problem of {@code spec}, empty when it can run. */
    public List<String> problems(ExperimentSpec spec) {
        try {
            canonical(spec);
            return List.of();
        } catch (InvalidSpecException e) {
            return e.problems();
        }
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
    public List<String> unused(java.util.Collection<String> algorithms, java.util.Collection<String> settings) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> declared = new java.util.LinkedHashSet<>();
        for (String algorithm : algorithms) {
            if (extensions.hasAlgorithm(algorithm)) {
                extensions.algorithm(algorithm).options().forEach(o -> declared.add(o.name()));
            }
        }
        for (String name : settings) {
            if (!ExperimentSpec.SHARED_FIELDS.contains(name) && !declared.contains(name)) {
                problems.add(name + " is not a field of the spec nor an option of " + String.join(", ", algorithms)
                        + "; allowed: the shared fields (" + String.join(", ", ExperimentSpec.SHARED_FIELDS)
                        + ") and these algorithms' options (" + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
            }
        }
        return problems;
    }

    /** Throws {@link InvalidSpecException} when {@link #unused} finds any setting no algorithm reads. */
    public void checkUsed(java.util.Collection<String> algorithms, java.util.Collection<String> settings) {
        List<String> problems = unused(algorithms, settings);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
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
     * The spec with the given fields (shared fields and options by name, as text or JSON scalars) over
     * the defaults.
     *
     * @throws InvalidSpecException listing every problem
     */
    public ExperimentSpec resolve(Map<String, ?> fields) {
        List<String> problems = new ArrayList<>();
        ExperimentSpec d = ExperimentSpec.defaults();
        String algorithm = text(fields, "algorithm", d.algorithm());
        String dataset = text(fields, "dataset", d.dataset());
        if (dataset.isBlank()) {
            problems.add("dataset is empty; allowed: " + dev.ffbench.dataset.Datasets.forms(
                    extensions.datasetSources().stream().map(Extensions.Provided::value).toList()));
        }
        int depth = whole(fields, "depth", d.depth(), 1, problems);
        int width = whole(fields, "width", d.width(), 1, problems);
        int epochs = whole(fields, "epochs", d.epochs(), 1, problems);
        int batchSize = whole(fields, "batchSize", d.batchSize(), 1, problems);
        String optimizer = text(fields, "optimizer", d.optimizer());
        if (!ExperimentSpec.OPTIMIZERS.contains(optimizer)) {
            problems.add("optimizer is '" + optimizer + "'; allowed: " + String.join(", ", ExperimentSpec.OPTIMIZERS));
        }
        Double learningRate = learningRate(fields.get("learningRate"), problems);
        long seed = seed(fields.get("seed"), d.seed(), problems);
        int threads = whole(fields, "threads", d.threads(), 1, problems);
        int maxSteps = whole(fields, "maxStepsPerEpoch", d.maxStepsPerEpoch(), 0, problems);
        int evaluateEvery = whole(fields, "evaluateEvery", d.evaluateEvery(), 0, problems);
        Double targetAccuracy = fraction(fields.get("targetAccuracy"), problems);

        Map<String, Object> given = new LinkedHashMap<>(fields);
        ExperimentSpec.SHARED_FIELDS.forEach(given::remove);
        Options options = Options.NONE;
        Algorithm found = null;
        if (!extensions.hasAlgorithm(algorithm)) {
            problems.add("algorithm is '" + algorithm + "'; allowed: " + Extensions.describe(extensions.algorithms()));
        } else {
            found = extensions.algorithm(algorithm);
            options = options(found, given, problems);
            if (learningRate == null && fields.get("learningRate") == null) {
                learningRate = found.defaultLearningRate();
            }
            if (fields.get("batchSize") == null) {
                batchSize = found.defaultBatchSize();
            }
        }
        ExperimentSpec spec = new ExperimentSpec(algorithm, dataset, depth, width, epochs, batchSize, optimizer,
                learningRate, seed, threads, maxSteps, evaluateEvery, targetAccuracy, options);
        if (problems.isEmpty() && found != null) {
            problems.addAll(found.problems(spec));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return spec;
    }

    /** The algorithm's declared options: given values parsed, the rest defaulted; undeclared names are problems. */
    private Options options(Algorithm algorithm, Map<String, Object> given, List<String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> declared = new ArrayList<>();
        for (Option<?> option : algorithm.options()) {
            declared.add(option.name());
            if (given.containsKey(option.name())) {
                Object parsed = option.parse(given.get(option.name()), extensions.goodnessNames(), problems);
                if (parsed != null) {
                    values.put(option.name(), parsed);
                }
            } else if (option.defaultValue() != null) {
                values.put(option.name(), option.defaultValue());
            }
        }
        for (String name : given.keySet()) {
            if (!declared.contains(name)) {
                problems.add(name + " is not a field of the spec nor an option of " + algorithm.name() + "; allowed: the"
                        + " shared fields (" + String.join(", ", ExperimentSpec.SHARED_FIELDS) + ") and "
                        + algorithm.name() + "'s options (" + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
            }
        }
        return new Options(values);
    }

    private static String text(Map<String, ?> fields, String name, String fallback) {
        Object value = fields.get(name);
        return value == null ? fallback : String.valueOf(value).trim();
    }

    private static int whole(Map<String, ?> fields, String name, int fallback, int minimum, List<String> problems) {
        Object value = fields.get(name);
        if (value == null) {
            return fallback;
        }
        String text = String.valueOf(value).trim();
        try {
            int parsed = Integer.parseInt(text);
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " is '" + text + "'; allowed: a whole number >= " + minimum);
        return fallback;
    }

    private static Double learningRate(Object value, List<String> problems) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        String text = String.valueOf(value).trim();
        try {
            double parsed = Double.parseDouble(text);
            if (parsed > 0 && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("learningRate is '" + text + "'; allowed: a finite number > 0 (or unset: the algorithm's default)");
        return null;
    }

    private static Double fraction(Object value, List<String> problems) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        String text = String.valueOf(value).trim();
        try {
            double parsed = Double.parseDouble(text);
            if (parsed > 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("targetAccuracy is '" + text + "'; allowed: a fraction > 0 and <= 1 (0.9 means 90 %), or unset");
        return null;
    }

    private static long seed(Object value, long fallback, List<String> problems) {
        if (value == null) {
            return fallback;
        }
        String text = String.valueOf(value).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add("seed is '" + text + "'; allowed: a whole number");
            return fallback;
        }
    }
}
