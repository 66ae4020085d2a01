package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a dataset string: {@code SOURCE:PATH;name=value;name=value}, e.g.
 * {@code idx:data/emnist;prefix=emnist-letters;firstLabel=1}. Parsed when the dataset is opened (before
 * any data is read), so a misspelt option fails before any cell runs. Options a source does not declare
 * are errors listing the ones it does.
 */
public final class DatasetOptions {
    static final String SEPARATOR = ";";

    /** Labels are classes 0..K-1; K inferred from the training labels unless declared. */
    static final String CLASSES = "classes";
    /** The smallest label value in the files, mapped to class 0 (1 for EMNIST letters' labels 1..26). */
    static final String FIRST_LABEL = "firstLabel";
    /** Only files whose names start with this (several datasets in one directory, as EMNIST unpacks). */
    static final String PREFIX = "prefix";
    /** The side of a square image in pixels (CSV; inferred from a square value count when absent). */
    static final String SIDE = "side";

    private final String dataset;
    private final String body;
    private final Map<String, String> values;

    private DatasetOptions(String dataset, String body, Map<String, String> values) {
        this.dataset = dataset;
        this.body = body;
        this.values = values;
    }

    /**
     * @param dataset the whole string, named in messages
     * @param prefix the source's prefix to strip ("idx:"), or "" when the string starts with the path
     * @param usage the source's form, e.g. "idx:DIRECTORY[;classes=K][;firstLabel=N][;prefix=P]", for messages
     * @param allowed the option names the source reads
     * @throws DatasetException for an undeclared option, one given twice, or a part that is not name=value
     */
    public static DatasetOptions parse(String dataset, String prefix, String usage, List<String> allowed) {
        String rest = dataset.startsWith(prefix) ? dataset.substring(prefix.length()) : dataset;
        String[] parts = rest.split(SEPARATOR, -1);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new DatasetException(Problem.found("dataset '" + dataset + "': '" + part + "'",
                        "is not an option of the form name=value", usage));
            }
            String name = part.substring(0, equals).trim();
            if (!allowed.contains(name)) {
                throw new DatasetException(Problem.found("dataset '" + dataset + "': " + name,
                        "is not an option of this source",
                        (allowed.isEmpty() ? "no options" : String.join(", ", allowed)) + " (" + usage + ")"));
            }
            if (values.put(name, part.substring(equals + 1).trim()) != null) {
                throw new DatasetException(Problem.found("dataset '" + dataset + "': option " + name, "is given twice",
                        "once"));
            }
        }
        return new DatasetOptions(dataset, parts[0].trim(), values);
    }

    /** The part before the options: a directory, or the source's own parameters. */
    public String body() {
        return body;
    }

    /** The option's value, or null when not given. */
    public String text(String name) {
        String value = values.get(name);
        if (value != null && value.isEmpty()) {
            throw new DatasetException(Problem.found("dataset '" + dataset + "': option " + name, "is empty",
                    name + "=VALUE"));
        }
        return value;
    }

    /** The option as a whole number in {@code min..max}, or null when not given. */
    public Integer whole(String name, int min, int max) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DatasetException(new Problem("dataset '" + dataset + "': option " + name, value,
                "a whole number " + min + ".." + max));
    }

    /** The label options ({@code classes}, {@code firstLabel}) of this string. */
    LabelOptions labels() {
        Integer classes = whole(CLASSES, 2, ImageSet.MAX_CLASSES);
        Integer first = whole(FIRST_LABEL, 0, 255);
        return new LabelOptions(classes, first == null ? 0 : first, classes == null ? null : CLASSES + "=" + classes);
    }

    /**
     * How a source's labels become classes 0..K-1.
     *
     * @param classes K when declared (by the {@code classes} option or by the source), else null: K is then the
     *        training split's largest label (after {@code firstLabel}) plus one
     * @param firstLabel the label value of class 0
     * @param declaredBy what declared K, for messages ("classes=47", "CIFAR-10's 10 classes"), or null
     */
    record LabelOptions(Integer classes, int firstLabel, String declaredBy) {
        static final LabelOptions INFERRED = new LabelOptions(null, 0, null);

        static LabelOptions declared(int classes, String by) {
            return new LabelOptions(classes, 0, by);
        }
    }
}
