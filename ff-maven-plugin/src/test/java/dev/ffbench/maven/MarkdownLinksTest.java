package dev.ffbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link and anchor of the README and the pages under docs/ resolves, as GitHub renders
 * them; and the checker finds a broken one.
 */
class MarkdownLinksTest {
    /** The repository root: the tests run in the module's directory. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyRelativeLinkAndAnchorOfTheReadmeAndDocsResolves() throws IOException {
        List<Path> files;
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            files = Stream.concat(Stream.of(ROOT.resolve("README.md")), docs.filter(p -> p.toString().endsWith(".md")).sorted())
                    .toList();
        }
        assertTrue(files.size() > 1, "docs/ holds the README's pages: " + files);
        List<String> problems = new MarkdownLinks(ROOT).problems(files);
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void aMissingFileAndAMissingAnchorAreEachNamedWithWhatIsAllowed(@TempDir Path root) throws IOException {
        write(root.resolve("docs/page.md"), """
                # A page

                ## Same
                ## Same
                back to [the README](../README.md#top-heading)
                """);
        Path readme = write(root.resolve("README.md"), """
                # Top heading

                [ok](docs/page.md) [ok anchor](docs/page.md#same-1) [self](#top-heading) [web](https://example.com/x#y)
                [gone](docs/gone.md)
                see [the page](docs/page.md#nope) and `[code](docs/none.md)`
                ```
                [in a fence](docs/none.md)
                ```
                ![picture](docs/images/shot.png)
                """);

        List<String> problems = new MarkdownLinks(root).problems(List.of(readme, root.resolve("docs/page.md")));

        assertEquals(List.of(
                "README.md line 4: link 'docs/gone.md' names docs/gone.md, which does not exist;"
                        + " allowed: a path, relative to README.md, of a file or directory of the repository",
                "README.md line 5: link 'docs/page.md#nope' has the anchor '#nope', which no heading of docs/page.md has;"
                        + " allowed: one of #a-page, #same, #same-1",
                "README.md line 9: link 'docs/images/shot.png' names docs/images/shot.png, which does not exist;"
                        + " allowed: a path, relative to README.md, of a file or directory of the repository"),
                problems);
    }

    @Test
    void anchorsFollowGithubsSlugRules() {
        assertEquals("the-engines-command-line", MarkdownLinks.slug("The engine's command line"));
        assertEquals("2-a-minimal-complete-pom", MarkdownLinks.slug("2. A minimal complete POM"));
        assertEquals("benchmark-accuracy-on-mnist-sample", MarkdownLinks.slug("Benchmark: accuracy on mnist-sample"));
        assertEquals("ffbenchmark-and-snake_case", MarkdownLinks.slug("`ff:benchmark` and snake_case"));
        assertEquals("see-the-readme", MarkdownLinks.slug("See [the README](../README.md)"));
        assertEquals(List.of("x", "x-1", "x-2", "y"),
                List.copyOf(MarkdownLinks.anchorsOf(List.of("# X", "## X", "```", "# not a heading", "```", "### X", "## Y ##"))));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
