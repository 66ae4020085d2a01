package dev.ffbench.cli;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Option;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.fork.ExtensionLister;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every algorithm (with its options), goodness function and dataset source one JVM discovered, each
 * with its origin: what {@code ff:list} prints. It is built in the JVM that discovered them (a fork
 * started as the cells are, see {@link ExtensionLister}) and travels to the harness as JSON, so it
 * holds only text.
 *
 * @param algorithms the algorithms, in discovery order
 * @param goodnessFunctions the goodness functions, in discovery order
 * @param datasetSources the dataset sources, in the order they are asked whether they read a dataset
 */
public record ExtensionListing(List<Entry> algorithms, List<Entry> goodnessFunctions, List<Entry> datasetSources) {

    public ExtensionListing {
        algorithms = List.copyOf(algorithms);
        goodnessFunctions = List.copyOf(goodnessFunctions);
        datasetSources = List.copyOf(datasetSources);
    }

    /**
     * One discovered extension.
     *
     * @param name what parameters name it by (a dataset source: its usage, e.g. "csv:DIRECTORY")
     * @param className its implementing class
     * @param origin "built in", or where it was loaded from (a jar, a class directory, or after
     *     {@link #withOrigins} a label such as a dependency's coordinates)
     * @param description an algorithm's one-line description; empty for the other kinds
     * @param options an algorithm's options; empty for the other kinds
     */
    public record Entry(String name, String className, String origin, String description, List<OptionEntry> options) {
        public Entry {
            description = description == null ? "" : description;
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /**
     * One option an algorithm declares, as text.
     *
     * @param name the field users write
     * @param defaultValue its default, "(unset)" when it has none
     * @param allowed what values are allowed, e.g. "a whole number >= 1"
     * @param description its one line
     */
    public record OptionEntry(String name, String defaultValue, String allowed, String description) {}

    /** What {@code extensions} discovered, origins as discovery reports them. */
    public static ExtensionListing of(Extensions extensions) {
        List<String> goodnessNames = extensions.goodnessNames();
        List<Entry> algorithms = new ArrayList<>();
        for (Extensions.Provided<Algorithm> provided : extensions.algorithms()) {
            // the checked algorithm: a declaration that throws is an error naming the algorithm and its origin
            Algorithm algorithm = extensions.algorithm(provided.name());
            List<OptionEntry> options = algorithm.options().stream().map(option -> new OptionEntry(option.name(),
                    option.defaultValue() == null ? "(unset)" : String.valueOf(option.defaultValue()),
                    option.allowed(goodnessNames), option.description())).toList();
            algorithms.add(new Entry(provided.name(), provided.value().getClass().getName(), provided.origin(),
                    algorithm.description(), options));
        }
        List<Entry> goodness = extensions.goodnessFunctions().stream().map(g -> new Entry(g.name(),
                g.value().getClass().getName(), g.origin(), "", List.of())).toList();
        List<Entry> sources = extensions.datasetSources().stream().map(s -> new Entry(s.value().usage(),
                s.value().getClass().getName(), s.origin(), "", List.of())).toList();
        return new ExtensionListing(algorithms, goodness, sources);
    }

    /** This listing with every origin replaced by {@code label}'s reading of it. */
    public ExtensionListing withOrigins(UnaryOperator<String> label) {
        UnaryOperator<List<Entry>> relabel = entries -> entries.stream().map(e -> new Entry(e.name(), e.className(),
                label.apply(e.origin()), e.description(), e.options())).toList();
        return new ExtensionListing(relabel.apply(algorithms), relabel.apply(goodnessFunctions), relabel.apply(datasetSources));
    }

    /**
     * The lines {@code ff:list} prints: a heading per kind, then each extension indented with its origin
     * (an algorithm also with its description, and its options below it with default, allowed values and
     * description).
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("algorithms:");
        for (Entry algorithm : algorithms) {
            lines.add("  " + algorithm.name() + " (" + algorithm.origin() + "): " + algorithm.description());
            for (OptionEntry option : algorithm.options()) {
                lines.add("    " + option.name() + " = " + option.defaultValue() + "; allowed: " + option.allowed()
                        + (option.description().isEmpty() ? "" : ". " + option.description()));
            }
        }
        lines.add("goodness functions:");
        goodnessFunctions.forEach(g -> lines.add("  " + g.name() + " (" + g.origin() + ")"));
        lines.add("dataset sources:");
        datasetSources.forEach(s -> lines.add("  " + s.name() + " (" + s.origin() + ")"));
        lines.add("  any other value: a directory of IDX files (built in)");
        return lines;
    }
}
