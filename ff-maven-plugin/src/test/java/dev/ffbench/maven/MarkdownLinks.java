package dev.ffbench.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the relative links of Markdown files as GitHub resolves them: the file a link names exists,
 * and its {@code #anchor} is the slug of a heading of the target (GitHub's rules: lower case, punctuation
 * other than '-' and '_' dropped, spaces to '-', a repeated heading gets -1, -2, ...). Absolute http(s)
 * and mailto links are not checked; links inside code (fenced blocks, inline spans) are not links.
 */
final class MarkdownLinks {
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");
    /** [text](target) or ![alt](target), with an optional "title"; the text may hold one level of [...]. */
    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern SLUG_DROP = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    private final Path root;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    /** @param root the repository root; file names in problems are relative to it */
    MarkdownLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Every broken link of the files, one problem each: "{@code <file> line <n>: link '<target>' ...;
     * allowed: ...}", in file and line order; empty when every link resolves.
     */
    List<String> problems(List<Path> files) {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Path source = file.toAbsolutePath().normalize();
            List<String> lines = read(source);
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                if (FENCE.matcher(lines.get(i)).find()) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced) {
                    continue;
                }
                Matcher link = LINK.matcher(INLINE_CODE.matcher(lines.get(i)).replaceAll(""));
                while (link.find()) {
                    String problem = check(source, link.group(1));
                    if (problem != null) {
                        problems.add(relative(source) + " line " + (i + 1) + ": link '" + link.group(1) + "' " + problem);
                    }
                }
            }
        }
        return problems;
    }

    /** GitHub's anchor for a heading's text: "The engine's command line" is "the-engines-command-line". */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return SLUG_DROP.matcher(text).replaceAll("").replace(' ', '-');
    }

    /** The anchors of a Markdown file's headings, in order, repeated ones numbered as GitHub does. */
    static Set<String> anchorsOf(List<String> lines) {
        Set<String> found = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : lines) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (fenced || !heading.matches()) {
                continue;
            }
            String slug = slug(heading.group(1));
            int count = seen.merge(slug, 1, Integer::sum);
            found.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return found;
    }

    /** Why a link from {@code source} to {@code target} is broken, or null when it resolves. */
    private String check(Path source, String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file = path.isEmpty() ? source : source.getParent().resolve(path).normalize();
        if (!Files.exists(file)) {
            return "names " + relative(file) + ", which does not exist; allowed: a path, relative to "
                    + relative(source) + ", of a file or directory of the repository";
        }
        if (anchor == null) {
            return null;
        }
        if (!file.getFileName().toString().endsWith(".md") || Files.isDirectory(file)) {
            return "has the anchor '#" + anchor + "' into " + relative(file) + ", which is not a Markdown file;"
                    + " allowed: an anchor into a .md file only";
        }
        Set<String> known = anchors.computeIfAbsent(file, f -> anchorsOf(read(f)));
        if (known.contains(anchor)) {
            return null;
        }
        return "has the anchor '#" + anchor + "', which no heading of " + relative(file) + " has; allowed: one of "
                + String.join(", ", known.stream().map(a -> "#" + a).toList());
    }

    private String relative(Path file) {
        return file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : file.toString();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
