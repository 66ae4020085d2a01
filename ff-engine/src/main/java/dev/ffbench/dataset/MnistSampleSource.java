package dev.ffbench.dataset;

import java.nio.file.Path;

/** {@code mnist-sample}: the 10,000 real MNIST digits bundled with the engine (see {@link MnistSample}). */
public final class MnistSampleSource implements DatasetSource {

    @Override
    public String name() {
        return MnistSample.NAME;
    }

    @Override
    public String usage() {
        return MnistSample.NAME;
    }

    @Override
    public boolean accepts(String dataset) {
        return dataset.equals(MnistSample.NAME);
    }

    @Override
    public DatasetReader open(String dataset, Path baseDirectory) {
        return new MnistSample();
    }
}
