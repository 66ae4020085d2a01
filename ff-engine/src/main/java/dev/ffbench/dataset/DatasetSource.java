package dev.ffbench.dataset;

/** Where a dataset comes from: {@link MnistSample}, {@link IdxDirectory} or {@link Synthetic}. */
public interface DatasetSource {

    /** Reads (or generates) the dataset; throws {@link DatasetException} on bad input. */
    Dataset load();

    /** One line for logs and reports, e.g. "mnist-sample (bundled, 8,004 train / 1,996 test)". */
    String describe();

    /**
     * The number of training images when it is known without loading the data (bundled and
     * synthetic datasets), so that a batch larger than the dataset is rejected before any run;
     * empty when only loading can tell (IDX directories: the engine checks them per run).
     */
    default java.util.OptionalInt knownTrainCount() {
        return java.util.OptionalInt.empty();
    }
}
