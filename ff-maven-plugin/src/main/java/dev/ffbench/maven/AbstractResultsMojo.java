package dev.ffbench.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** The results files read by ff:check and ff:report. */
abstract class AbstractResultsMojo extends AbstractGateMojo {

    /**
     * Results files to read, comma-separated; several are the shards of one matrix and are merged.
     * Default: results.json in outputDirectory.
     */
    @Parameter(property = "ff.results")
    protected List<File> results;

    protected List<File> explicitResults() {
        return ResultsFilesParameter.explicit(results);
    }

    protected List<Path> resultsPaths() {
        return ResultsFilesParameter.paths(results, outputDirectory, baseDirectory);
    }
}
