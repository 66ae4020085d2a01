package dev.ffbench.maven;

import dev.ffbench.harness.Harness;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the passed cells of the current results (merged if several) as the new baseline file,
 * with the environment's fingerprint (Java, ND4J, BLAS and its core type, CPU model, threads).
 * Commit the file: later runs are judged against it.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractFfMojo {

    /** The baseline file to write. */
    @Parameter(property = "ff.baseline", defaultValue = "${project.basedir}/ff-baseline.json")
    protected File baseline;

    /**
     * Results files to record, comma-separated; several are the shards of one matrix and are
     * merged. Default: results.json in outputDirectory.
     */
    @Parameter(property = "ff.results")
    protected List<File> results;

    @Override
    protected void run() throws IOException {
        Harness.baseline(ResultsFilesParameter.paths(results, outputDirectory, baseDirectory),
                baseline.toPath().toAbsolutePath().normalize(), baseDirectory.toPath(), harnessLog());
    }
}
