package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory of IDX files, each raw or gzipped: the layout of the original MNIST download
 * ({@code train-images-idx3-ubyte}, ...; also with a dot, {@code train-images.idx3-ubyte}, as some archives
 * unpack), of Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist), of KMNIST, and of EMNIST
 * ({@code emnist-letters-train-images-idx3-ubyte.gz}: a prefix, and {@code test} for {@code t10k}). Image
 * files may have 3 dimensions (grey) or 4 (channels last; then often named {@code idx4}).
 */
public final class IdxDirectory implements DatasetReader {

    /** The four files a directory must hold, by what they are. */
    enum Role {
        TRAIN_IMAGES("training images", "train-images-idx3-ubyte"),
        TRAIN_LABELS("training labels", "train-labels-idx1-ubyte"),
        TEST_IMAGES("test images", "t10k-images-idx3-ubyte"),
        TEST_LABELS("test labels", "t10k-labels-idx1-ubyte");

        final String description;
        final String canonical;

        Role(String description, String canonical) {
            this.description = description;
            this.canonical = canonical;
        }

        boolean images() {
            return this == TRAIN_IMAGES || this == TEST_IMAGES;
        }

        boolean train() {
            return this == TRAIN_IMAGES || this == TRAIN_LABELS;
        }

        static Role of(String split, String kind) {
            boolean train = split.equals("train");
            boolean images = kind.equals("images");
            return train ? (images ? TRAIN_IMAGES : TRAIN_LABELS) : (images ? TEST_IMAGES : TEST_LABELS);
        }
    }

    /** The dashed names of the original MNIST download, in {@link Role} order. */
    public static final List<String> EXPECTED_FILES = List.of(Role.TRAIN_IMAGES.canonical, Role.TRAIN_LABELS.canonical,
            Role.TEST_IMAGES.canonical, Role.TEST_LABELS.canonical);

    /** An optional prefix ending in '-', '_' or '.', the split, the kind, the dimensions, an optional .gz. */
    private static final Pattern NAME = Pattern.compile(
            "(?:(.*[-_.]))?(train|t10k|test)[-.](images|labels)[-.]idx([134])-ubyte(\\.gz)?", Pattern.CASE_INSENSITIVE);

    static final String NAMING = "4 IDX files named " + String.join(", ", EXPECTED_FILES) + " (or with a dot before idx,"
            + " train-images.idx3-ubyte; test- for t10k-; idx4 for images with channels; a prefix such as"
            + " emnist-letters-; each raw or .gz)";

    private final String name;
    private final Path dir;
    private final DatasetOptions.LabelOptions labels;
    private final String prefix;

    /** The IDX files in {@code dir}, K from the training labels' range. */
    public IdxDirectory(Path dir) {
        this(dir.toString(), dir, DatasetOptions.LabelOptions.INFERRED, null);
    }

    /**
     * @param name the dataset as the user wrote it, e.g. "idx:/data/emnist;prefix=emnist-letters;firstLabel=1"
     * @param prefix only files whose names start with it, or null for any
     */
    IdxDirectory(String name, Path dir, DatasetOptions.LabelOptions labels, String prefix) {
        this.name = name;
        this.dir = dir;
        this.labels = labels;
        this.prefix = prefix;
    }

    /** The directory as given (relative paths were resolved by the source). */
    public Path dir() {
        return dir;
    }

    /** One file that names a role. */
    private record Candidate(Role role, String fileName, String base, String setPrefix, boolean gzipped) {}

    @Override
    public Dataset load() {
        Path abs = dir.toAbsolutePath();
        Path[] files = files();
        String where = "directory " + abs;
        IdxReader.IdxFile[] idx = new IdxReader.IdxFile[files.length];
        for (int i = 0; i < files.length; i++) {
            idx[i] = IdxReader.IdxFile.of(files[i]);
        }
        IdxReader.IdxImages trainImages = IdxReader.readImages(files[0]);
        byte[] trainLabels = IdxReader.readLabels(files[1]);
        IdxReader.IdxImages testImages = IdxReader.readImages(files[2]);
        byte[] testLabels = IdxReader.readLabels(files[3]);
        List<DatasetFile> read = new ArrayList<>();
        for (Path file : files) {
            read.add(DirectoryFiles.described(file));
        }
        return IdxReader.toDataset(name, where, idx[0], trainImages, idx[1], trainLabels, idx[2], testImages, idx[3],
                testLabels, labels, read);
    }

    /**
     * The file for {@code role}: the one name that fits (raw before .gz of the same name).
     *
     * @throws DatasetException when several different names fit, listing them
     */
    private Candidate choose(Path abs, Role role, List<String> names) {
        List<Candidate> fitting = new ArrayList<>();
        for (String file : names) {
            Candidate candidate = parse(file);
            if (candidate != null && candidate.role() == role
                    && (prefix == null || file.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))) {
                fitting.add(candidate);
            }
        }
        Set<String> bases = new LinkedHashSet<>();
        fitting.forEach(c -> bases.add(c.base()));
        if (bases.size() > 1) {
            throw new DatasetException(Problem.found("dataset directory " + abs + ": " + bases.size() + " files",
                    "could be the " + role.description + ": "
                            + String.join(", ", fitting.stream().map(Candidate::fileName).toList()),
                    "one; keep one set of files per directory, or choose one set with the prefix option, e.g. "
                            + optionExample()));
        }
        return fitting.stream().filter(c -> !c.gzipped()).findFirst().orElse(fitting.isEmpty() ? null : fitting.get(0));
    }

    private String optionExample() {
        return (name.startsWith(IdxSource.PREFIX) ? name : IdxSource.PREFIX + name) + ";prefix=emnist-letters";
    }

    private static Candidate parse(String file) {
        Matcher m = NAME.matcher(file);
        if (!m.matches()) {
            return null;
        }
        String split = m.group(2).toLowerCase(Locale.ROOT);
        String kind = m.group(3).toLowerCase(Locale.ROOT);
        String dims = m.group(4);
        boolean fits = kind.equals("images") ? !dims.equals("1") : dims.equals("1");
        if (!fits) {
            return null;
        }
        boolean gzipped = m.group(5) != null;
        String base = gzipped ? file.substring(0, file.length() - 3) : file;
        return new Candidate(Role.of(split, kind), file, base, m.group(1) == null ? "" : m.group(1), gzipped);
    }

    /**
     * "; near misses: train_images_idx3_ubyte.zip (training images?)": files that are not a fitting name but
     * mention the split and the kind of a missing role (other separators, case, an archive or download suffix).
     */
    private static String nearMisses(List<String> names, List<Role> missing) {
        List<String> misses = new ArrayList<>();
        for (String file : names) {
            String n = DirectoryFiles.normalized(file);
            for (Role role : missing) {
                boolean split = role.train() ? n.contains("train") : n.contains("t10k") || n.contains("test");
                boolean kind = role.images() ? n.contains("imag") || n.contains("img") : n.contains("label") || n.contains("lbl");
                if (split && kind) {
                    misses.add(file + " (" + role.description + "?)");
                    break;
                }
            }
        }
        return misses.isEmpty() ? "; no near misses" : "; near misses: " + String.join(", ", misses);
    }

    /**
     * The four files of the set, in {@link Role} order, chosen by name without reading them.
     *
     * @throws DatasetException when the directory is missing or unreadable, a file is missing (listing what
     *         the directory holds and the near misses), or several sets fit
     */
    private Path[] files() {
        Path abs = dir.toAbsolutePath();
        String allowed = "a directory holding " + NAMING;
        List<String> names = DirectoryFiles.list(abs, allowed);
        Path[] files = new Path[Role.values().length];
        List<Role> missing = new ArrayList<>();
        List<Candidate> chosen = new ArrayList<>();
        for (Role role : Role.values()) {
            Candidate candidate = choose(abs, role, names);
            if (candidate == null) {
                missing.add(role);
            } else {
                files[role.ordinal()] = abs.resolve(candidate.fileName());
                chosen.add(candidate);
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(new Problem("dataset directory " + abs + ":", null, allowed,
                    DirectoryFiles.found(abs, names) + nearMisses(names, missing), "missing the "
                    + String.join(" and the ", missing.stream().map(r -> r.description).toList())
                    + (prefix == null ? "" : " (of files starting with " + prefix + ")")));
        }
        Set<String> prefixes = new LinkedHashSet<>();
        chosen.forEach(c -> prefixes.add(c.setPrefix().toLowerCase(Locale.ROOT)));
        if (prefixes.size() > 1) {
            throw new DatasetException(Problem.found("dataset directory " + abs + ": the files "
                    + String.join(", ", chosen.stream().map(Candidate::fileName).toList()),
                    "come from different sets (prefixes " + String.join(", ", prefixes.stream()
                            .map(p -> p.isEmpty() ? "(none)" : p).toList()) + ")",
                    "the four files of one set: choose it with the prefix option, e.g. " + optionExample()));
        }
        return files;
    }

    /** Also the files by name, so that a directory without them fails before any cell runs. */
    @Override
    public Optional<String> quickProblem() {
        return DatasetReader.directoryProblem(dir, this::files);
    }

    @Override
    public String describe() {
        return "idx directory " + dir.toAbsolutePath();
    }
}
