package dev.ffbench.cli;

import dev.ffbench.experiment.Extensions;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.io.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Lists what the engine discovered on its class path: algorithms with their options, goodness functions,
 * dataset sources. {@code --json FILE} writes the listing as JSON instead, for {@code ff:list}, which runs
 * this command in a JVM started with the forks' class path.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the algorithms (with their options), goodness functions and dataset sources found on the class path.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--json", paramLabel = "FILE", description = "Write the listing to FILE as JSON instead of printing it.")
    Path json;

    @Override
    public Integer call() throws java.io.IOException {
        ExtensionListing listing = ExtensionListing.of(Extensions.engine());
        if (json != null) {
            AtomicFiles.write(json, Json.write(listing));
        } else {
            listing.lines().forEach(System.out::println);
        }
        return 0;
    }
}
