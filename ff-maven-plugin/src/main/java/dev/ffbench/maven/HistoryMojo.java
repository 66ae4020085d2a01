package dev.ffbench.maven;

import dev.ffbench.harness.Harness;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Appends the current results (merged if several) to the history directory as one more run: one
 * JSON file per run, written atomically and named after the run's date so that files sort by time,
 * holding the commit (from git, when available), the date, the environment fingerprint and every
 * gate metric of every cell. The same results are recorded once. Keep the directory in the
 * repository or as a CI cache: ff:benchmark, ff:check and ff:report draw it as trends.
 */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends AbstractFfMojo {

    /** The history directory to append to (created if missing). */
    @Parameter(property = "ff.historyDirectory", defaultValue = "${project.basedir}/ff-history")
    protected File historyDirectory;

    /**
     * Results files to record, comma-separated; several are the shards of one matrix and are merged
     * (all shards are needed). Default: results.json in outputDirectory.
     */
    @Parameter(property = "ff.results")
    protected List<File> results;

    @Override
    protected void run() throws IOException {
        Harness.history(new Harness.HistoryRequest(ResultsFilesParameter.paths(results, outputDirectory, baseDirectory),
                historyDirectory.toPath().toAbsolutePath().normalize(), baseDirectory.toPath()), harnessLog());
    }
}
