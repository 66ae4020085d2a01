package dev.ffbench.fork;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.dataset.DatasetReader;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.Problem;
import dev.ffbench.matrix.Cell;
import dev.ffbench.matrix.DatasetCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Refuses, before any cell runs, a cell that cannot fit in its forked JVM: its algorithm's
 * {@link dev.ffbench.api.Algorithm#minimumBytes} (from the layer shapes, once the dataset's image
 * size and classes are known without loading it) against the most a fork may hold ({@link ForkMemory}).
 * Such a cell would otherwise die in a native allocation, or thrash the machine, after the cells before it
 * ran. Cells whose algorithm gives no estimate, or whose dataset's shape is known only once it is read,
 * run unchecked; when no cell has an estimate, no JVM is started to read the limits.
 */
public final class MemoryCheck {
    private MemoryCheck() {}

    /**
     * One problem per cell that cannot fit, naming the cell, its depth and width, the bytes it needs at least,
     * the limit and where it comes from, and what would fit.
     *
     * @param limits the forks' memory, read only when some cell has an estimate (empty: not known, nothing checked)
     */
    public static List<Problem> problems(List<Cell> cells, Extensions extensions, java.nio.file.Path workingDirectory,
            Supplier<Optional<ForkMemory>> limits, HarnessLog log) {
        Map<Cell, Long> needs = new LinkedHashMap<>();
        for (Cell cell : cells) {
            ExperimentSpec spec = cell.spec();
            Optional<DatasetShape> shape = DatasetCheck.knownShape(spec.dataset(), workingDirectory, extensions);
            if (shape.isEmpty() || !extensions.hasAlgorithm(spec.algorithm())) {
                continue;
            }
            OptionalLong bytes;
            try {
                bytes = extensions.algorithm(spec.algorithm()).minimumBytes(spec, shape.get().inputSize(), shape.get().classes());
            } catch (RuntimeException e) {
                log.warn("algorithm " + spec.algorithm() + " could not estimate the memory of cell " + cell.id() + " (" + e
                        + "): it is not checked against the forks' memory before it runs");
                continue;
            }
            bytes.ifPresent(value -> needs.put(cell, value));
        }
        if (needs.isEmpty()) {
            return List.of();
        }
        Optional<ForkMemory> memory = limits.get();
        if (memory.isEmpty() || memory.get().limit().isEmpty()) {
            return List.of(); // the probe said on the log why not
        }
        long limit = memory.get().limit().getAsLong();
        List<Problem> problems = new ArrayList<>();
        needs.forEach((cell, bytes) -> {
            if (bytes > limit) {
                problems.add(problem(cell, bytes, memory.get()));
            }
        });
        return problems;
    }

    private static Problem problem(Cell cell, long bytes, ForkMemory memory) {
        boolean machine = memory.physicalBytes().isPresent() && bytes > memory.physicalBytes().getAsLong();
        String upTo = memory.physicalBytes().isEmpty() ? ""
                : ", up to this machine's " + ForkMemory.bytes(memory.physicalBytes().getAsLong()) + " of physical memory";
        return Problem.found("cell " + cell.id() + " (depth " + cell.spec().depth() + ", width " + cell.spec().width() + ")",
                "needs " + (bytes == Long.MAX_VALUE ? "more than " : "at least ") + ForkMemory.bytes(bytes) + " for its"
                + " parameters, gradients and optimizer state alone, but a forked cell may hold at most "
                + memory.describeLimit(), "a cell that fits" + (machine
                        ? " in this machine's " + ForkMemory.bytes(memory.physicalBytes().getAsLong()) + " of physical memory:"
                                + " a smaller width or depth"
                        : ": a smaller width or depth, or more memory for the forks in jvmArgs (-Xmx, or"
                                + " -Dorg.bytedeco.javacpp.maxphysicalbytes)" + upTo));
    }
}
