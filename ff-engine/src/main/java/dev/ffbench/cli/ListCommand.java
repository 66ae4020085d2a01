package dev.ffbench.cli;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Option;
import dev.ffbench.experiment.Extensions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists what the engine discovered on its class path: algorithms with their options, goodness functions, dataset sources. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the algorithms (with their options), goodness functions and dataset sources found on the class path.")
final class ListCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Extensions extensions = Extensions.engine();
        System.out.println("algorithms:");
        for (Extensions.Provided<Algorithm> algorithm : extensions.algorithms()) {
            System.out.println("  " + algorithm.name() + " (" + algorithm.origin() + "): " + algorithm.value().description());
            for (Option<?> option : algorithm.value().options()) {
                System.out.println("    " + option.name() + " = " + (option.defaultValue() == null ? "(unset)" : option.defaultValue())
                        + "; allowed: " + option.allowed(extensions.goodnessNames()) + ". " + option.description());
            }
        }
        System.out.println("goodness functions:");
        extensions.goodnessFunctions().forEach(g -> System.out.println("  " + g.name() + " (" + g.origin() + ")"));
        System.out.println("dataset sources:");
        extensions.datasetSources().forEach(s -> System.out.println("  " + s.value().usage() + " (" + s.origin() + ")"));
        return 0;
    }
}
