package dev.ffbench.dataset;

import java.util.List;

/**
 * What identifies a run's data, recorded in its result ({@code dataset.fingerprint}): the files read
 * (names and sizes, for people) and a hash of the decoded content (see {@link Dataset#contentHash()}),
 * which baseline gates compare: a baseline measured on other data is not compared with this run.
 *
 * @param files the files read, in reading order; empty for generated data
 * @param contentHash {@code sha256:} and 64 hex digits
 */
public record DatasetFingerprint(List<DatasetFile> files, String contentHash) {

    public DatasetFingerprint {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** "sha256:0123456789ab (4 files, 30,878,551 B)": the hash's first 12 digits and the files' count and size. */
    public String brief() {
        String hash = contentHash == null ? "(no hash)"
                : contentHash.substring(0, Math.min(contentHash.length(), "sha256:".length() + 12));
        if (files.isEmpty()) {
            return hash + " (generated, no files)";
        }
        long bytes = files.stream().mapToLong(DatasetFile::bytes).sum();
        return hash + " (" + files.size() + (files.size() == 1 ? " file, " : " files, ")
                + String.format(java.util.Locale.ROOT, "%,d B", bytes) + ")";
    }
}
