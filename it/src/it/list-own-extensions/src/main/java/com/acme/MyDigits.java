package com.acme;

import dev.ffbench.dataset.DatasetException;
import dev.ffbench.dataset.DatasetReader;
import dev.ffbench.dataset.DatasetSource;
import dev.ffbench.dataset.Synthetic;
import dev.ffbench.io.Problem;
import java.nio.file.Path;

/** A dataset source of the project's own: my-digits:SEED, the engine's synthetic digits (200 train / 50 test) of that seed. */
public final class MyDigits implements DatasetSource {
    @Override
    public String name() {
        return "my-digits";
    }

    @Override
    public String usage() {
        return "my-digits:SEED";
    }

    @Override
    public DatasetReader open(String dataset, Path baseDirectory) {
        String seed = dataset.substring("my-digits:".length());
        if (!seed.matches("[0-9]{1,9}")) {
            throw new DatasetException(Problem.found("dataset '" + dataset + "'", "has no seed", "my-digits:SEED"));
        }
        return new Synthetic(Long.parseLong(seed), 200, 50);
    }
}
