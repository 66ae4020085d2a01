package dev.ffbench.cli;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.SpecResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How a command gets its spec: a JSON file (or stdin), then field overrides, over the defaults. */
final class SpecOptions {
    @Option(names = "--spec", paramLabel = "FILE", description = "Spec as JSON ('-' for stdin). Missing fields take the defaults.")
    Path specFile;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "Override one shared field or option of the algorithm, e.g. --set epochs=10 (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    String json() throws IOException {
        if (specFile == null) {
            return "";
        }
        return specFile.toString().equals("-")
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(specFile);
    }

    ExperimentSpec spec() throws IOException {
        return SpecResolver.engine().read(json(), overrides);
    }
}
