package dev.ffbench.dataset;

/** Where a dataset comes from: {@link MnistSample}, {@link IdxDirectory} or {@link Synthetic}. */
public interface DatasetSource {

    /** Reads (or generates) the dataset; throws {@link DatasetException} on bad input. */
    Dataset load();

    /** One line for logs and reports, e.g. "mnist-sample (bundled, 8,004 train / 1,996 test)". */
    String describe();
}
