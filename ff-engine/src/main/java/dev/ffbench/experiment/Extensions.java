package dev.ffbench.experiment;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Option;
import dev.ffbench.dataset.DatasetSource;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.io.Problem;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The algorithms, goodness functions and dataset sources a run can use, discovered with
 * {@link ServiceLoader} from one class loader: the engine's built-ins (registered in the engine's own
 * {@code META-INF/services}) and whatever the user's jars and class directories register the same
 * way. Each is listed with its origin ("built in", or the jar or directory it came from). Two
 * providers of one name, or a provider that cannot be instantiated, are errors that name both
 * origins or the class.
 */
public final class Extensions {
    /** The origin of what the engine itself provides. */
    public static final String BUILT_IN = "built in";

    private static volatile Extensions engine;

    private final Map<String, Provided<Algorithm>> algorithms;
    /** The same algorithms as the engine calls them: declarations checked, failures naming the provider. */
    private final Map<String, Algorithm> checked = new LinkedHashMap<>();
    private final Map<String, Provided<GoodnessFunction>> goodness;
    private final Map<String, Provided<DatasetSource>> datasetSources;

    /** One discovered implementation and where it came from. */
    public record Provided<T>(String name, T value, String origin) {}

    private Extensions(Map<String, Provided<Algorithm>> algorithms, Map<String, Provided<GoodnessFunction>> goodness,
            Map<String, Provided<DatasetSource>> datasetSources) {
        this.algorithms = Collections.unmodifiableMap(algorithms);
        algorithms.forEach((name, provided) -> checked.put(name, checked(provided)));
        this.goodness = Collections.unmodifiableMap(goodness);
        this.datasetSources = Collections.unmodifiableMap(datasetSources);
    }

    /**
     * What the engine's own class loader sees: in a forked cell that is the whole class path (the
     * engine and the user's classes); elsewhere the built-ins and whatever else is on the engine's
     * class path. Discovered once per JVM.
     */
    public static Extensions engine() {
        Extensions found = engine;
        if (found == null) {
            found = discover(Extensions.class.getClassLoader());
            engine = found;
        }
        return found;
    }

    /**
     * Everything registered for {@code loader}: pass a loader over the user's class path whose parent
     * is the engine's loader to see the user's extensions beside the built-ins.
     *
     * @throws ExtensionException on a name provided twice or a provider that fails to load, naming them
     */
    public static Extensions discover(ClassLoader loader) {
        // every sentence in order, and those of them built as data
        List<String> problems = new ArrayList<>();
        List<Problem> typed = new ArrayList<>();
        Map<String, Provided<Algorithm>> algorithms = load(Algorithm.class, loader, Algorithm::name, "algorithm", problems, typed);
        Map<String, Provided<GoodnessFunction>> goodness =
                load(GoodnessFunction.class, loader, GoodnessFunction::name, "goodness function", problems, typed);
        Map<String, Provided<DatasetSource>> sources =
                load(DatasetSource.class, loader, DatasetSource::name, "dataset source", problems, typed);
        for (Provided<Algorithm> algorithm : algorithms.values()) {
            List<String> goodnessOptions;
            try {
                goodnessOptions = checked(algorithm).options().stream()
                        .filter(o -> o.type() == Option.Type.GOODNESS).map(Option::name).toList();
            } catch (ExtensionException e) {
                problems.addAll(e.problems());
                typed.addAll(e.typedProblems());
                continue;
            }
            if (!goodnessOptions.isEmpty() && !goodnessOptions.equals(List.of(GOODNESS_OPTION))) {
                add(Problem.found(provided(algorithm), "declares goodness options " + goodnessOptions, "one,"
                        + " named '" + GOODNESS_OPTION + "' (the matrix's goodness axis sets it, and cell ids and rule"
                        + " selectors read it)"), problems, typed);
            }
            if (!algorithm.name().matches("[a-z0-9][a-z0-9-]*")) {
                add(Problem.found(provided(algorithm), "has a name that is not allowed", "lower-case letters, digits and '-'"),
                        problems, typed);
            }
        }
        oldRegistrations(loader, problems, typed);
        if (!problems.isEmpty()) {
            throw new ExtensionException(problems, typed);
        }
        return new Extensions(algorithms, goodness, sources);
    }

    /** Where algorithms were registered before Algorithm moved to dev.ffbench.api: they would silently not be found. */
    static final String OLD_ALGORITHM_SERVICES = "META-INF/services/dev.ffbench.experiment.Algorithm";

    /** "algorithm 'own' (com.acme.Own, built in)": the algorithm as a problem names it. */
    private static String provided(Provided<Algorithm> algorithm) {
        return "algorithm '" + algorithm.name() + "' (" + algorithm.value().getClass().getName() + ", "
                + algorithm.origin() + ")";
    }

    /** Adds {@code problem} to the sentences in order and to those built as data. */
    private static void add(Problem problem, List<String> problems, List<Problem> typed) {
        problems.add(problem.message());
        typed.add(problem);
    }

    /** A problem for each registration file under the algorithm interface's old name, naming it and the new one. */
    private static void oldRegistrations(ClassLoader loader, List<String> problems, List<Problem> typed) {
        try {
            for (java.net.URL url : java.util.Collections.list(loader.getResources(OLD_ALGORITHM_SERVICES))) {
                add(Problem.found("algorithms", "are registered in " + url + ", the name of the interface before it moved",
                        "META-INF/services/" + Algorithm.class.getName() + " (rename the file, import "
                        + Algorithm.class.getName() + " and the model contract from dev.ffbench.api, and run mvn clean:"
                        + " a copy under the old name stays in target/classes until then)"), problems, typed);
            }
        } catch (java.io.IOException e) {
            // not a value with what is allowed: the I/O error's own words
            problems.add("the class path cannot be read for " + OLD_ALGORITHM_SERVICES + ": " + e.getMessage());
        }
    }

    private static <T> Map<String, Provided<T>> load(Class<T> type, ClassLoader loader, Function<T, String> name,
            String what, List<String> problems, List<Problem> typed) {
        Map<String, Provided<T>> found = new LinkedHashMap<>();
        ServiceLoader<T> services = ServiceLoader.load(type, loader);
        for (ServiceLoader.Provider<T> provider : iterate(services, type, problems, typed)) {
            T value;
            try {
                value = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                add(Problem.found(what + " " + provider.type().getName() + " (" + origin(provider.type()) + ")",
                        "cannot be created: " + rootMessage(e), "a public class with a public"
                        + " no-argument constructor that does no ND4J work"), problems, typed);
                continue;
            }
            String key;
            try {
                key = name.apply(value);
            } catch (RuntimeException | LinkageError e) {
                add(Problem.found(what + " " + provider.type().getName() + " (" + origin(provider.type()) + ")",
                        "threw " + e + " in name()", "name() returns its name without throwing"), problems, typed);
                continue;
            }
            if (key == null || key.isBlank()) {
                add(Problem.found(what + " " + provider.type().getName() + " (" + origin(provider.type()) + ")", "has "
                        + (key == null ? "no name (name() returned null)" : "a blank name"), "a name of"
                        + " lower-case letters, digits and '-'"), problems, typed);
                continue;
            }
            Provided<T> previous = found.get(key);
            String origin = origin(value.getClass());
            if (previous != null) {
                add(Problem.found(what + " '" + key + "'", "is provided twice: by " + previous.value().getClass().getName()
                        + " (" + previous.origin() + ") and by " + value.getClass().getName() + " (" + origin + ")",
                        "one provider per name (rename one, or drop one jar from the class path)"), problems, typed);
                continue;
            }
            found.put(key, new Provided<>(key, value, origin));
        }
        return found;
    }

    /** The providers of a service, recording a problem for each registration that names no usable class. */
    private static <T> List<ServiceLoader.Provider<T>> iterate(ServiceLoader<T> services, Class<T> type,
            List<String> problems, List<Problem> typed) {
        List<ServiceLoader.Provider<T>> providers = new ArrayList<>();
        var iterator = services.stream().iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return providers;
                }
                providers.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                add(Problem.found("an entry of META-INF/services/" + type.getName(), "cannot be loaded: " + rootMessage(e),
                        "the binary names of public classes on the class path, one per line"), problems, typed);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    /** "built in" for the engine's own classes, else the jar or directory the class was loaded from. */
    static String origin(Class<?> type) {
        String location = location(type);
        return location != null && location.equals(location(Extensions.class)) ? BUILT_IN
                : location == null ? "unknown location" : location;
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
    }

    public List<Provided<Algorithm>> algorithms() {
        return List.copyOf(algorithms.values());
    }

    public List<Provided<GoodnessFunction>> goodnessFunctions() {
        return List.copyOf(goodness.values());
    }

    /** Every dataset source with its origin; {@link dev.ffbench.dataset.Datasets#open} checks what they hand over. */
    public List<Provided<DatasetSource>> datasetSources() {
        return List.copyOf(datasetSources.values());
    }

    public List<String> algorithmNames() {
        return List.copyOf(algorithms.keySet());
    }

    public List<String> goodnessNames() {
        return List.copyOf(goodness.keySet());
    }

    public boolean hasAlgorithm(String name) {
        return algorithms.containsKey(name);
    }

    /**
     * The algorithm named {@code name}, as the engine calls it: what it declares is checked, and an
     * exception its declarations throw is an {@link ExtensionException} naming it, its class and origin.
     * An unknown name is an {@link InvalidSpecException} that lists them all.
     */
    public Algorithm algorithm(String name) {
        Algorithm found = checked.get(name);
        if (found == null) {
            throw new InvalidSpecException(new Problem("algorithm", name, describe(algorithms())));
        }
        return found;
    }

    private static Algorithm checked(Provided<Algorithm> provided) {
        return new CheckedAlgorithm(provided.value(), provided.name(), provided.origin());
    }

    /**
     * The goodness function named {@code name}, what it returns checked ({@link CheckedGoodness}); an unknown
     * name is an {@link InvalidSpecException} listing them all.
     */
    public GoodnessFunction goodness(String name) {
        Provided<GoodnessFunction> found = goodness.get(name);
        if (found == null) {
            throw new InvalidSpecException(new Problem("goodness", name, describe(goodnessFunctions())));
        }
        return CheckedGoodness.of(found.value(), found.origin());
    }

    /** The origin of the algorithm named {@code name}, or null when it is unknown. */
    public String algorithmOrigin(String name) {
        Provided<Algorithm> found = algorithms.get(name);
        return found == null ? null : found.origin();
    }

    /**
     * Whether the algorithm reads a goodness function: it declares an option of type
     * {@link Option.Type#GOODNESS}, the matrix's goodness axis, which discovery requires to be named
     * {@link #GOODNESS_OPTION}.
     */
    public boolean usesGoodness(String algorithm) {
        Algorithm found = checked.get(algorithm);
        return found != null && found.options().stream().anyMatch(o -> o.type() == Option.Type.GOODNESS);
    }

    /** The name an algorithm's one {@link Option.Type#GOODNESS} option must have (checked at discovery). */
    public static final String GOODNESS_OPTION = "goodness";

    /** "ff-base (built in), my-ff (/work/p/target/classes)": every name with its origin. */
    public static String describe(List<? extends Provided<?>> provided) {
        List<String> parts = new ArrayList<>();
        for (Provided<?> p : provided) {
            parts.add(p.name() + " (" + p.origin() + ")");
        }
        return parts.isEmpty() ? "(none found)" : String.join(", ", parts);
    }

    /** Every algorithm, goodness function and dataset source with its origin, one kind per line. */
    public String listing() {
        return "algorithms: " + describe(algorithms()) + "\ngoodness functions: " + describe(goodnessFunctions())
                + "\ndataset sources: " + String.join(", ", datasetSources().stream()
                        .map(s -> s.value().usage() + " (" + s.origin() + ")").toList());
    }
}
