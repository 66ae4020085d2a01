package dev.ffbench.memory;

import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The engine's own ledger of arrays that outlive a step. Every such array is created here, outside
 * any workspace, so it is both counted and exempt from the {@link AllocationGuard}; releasing it
 * frees the native buffer at once instead of waiting for the garbage collector.
 */
public final class PersistentMemory {
    private final Map<MemoryCategory, Long> bytes = new EnumMap<>(MemoryCategory.class);
    private final Map<INDArray, MemoryCategory> live = new IdentityHashMap<>();

    public PersistentMemory() {
        for (MemoryCategory category : MemoryCategory.values()) {
            bytes.put(category, 0L);
        }
    }

    /** A zero-filled float array of the given shape, counted under {@code category}. */
    public INDArray zeros(MemoryCategory category, long... shape) {
        INDArray array;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            array = Nd4j.zeros(DataType.FLOAT, shape);
        }
        live.put(array, category);
        bytes.merge(category, sizeInBytes(array), Long::sum);
        return array;
    }

    /** A float array holding {@code values} (row-major), counted under {@code category}. */
    public INDArray of(MemoryCategory category, float[] values, long... shape) {
        INDArray array = zeros(category, shape);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            array.assign(Nd4j.createFromArray(values).reshape(shape));
        }
        return array;
    }

    /**
     * Frees {@code array} at once and takes its bytes off the ledger.
     *
     * @throws IllegalArgumentException when the array is not in this ledger (or was released already)
     */
    public void release(INDArray array) {
        MemoryCategory category = live.remove(array);
        if (category == null) {
            throw new IllegalArgumentException("array is not in the persistent ledger (already released?)");
        }
        bytes.merge(category, -sizeInBytes(array), Long::sum);
        array.close();
    }

    /** Frees every array still in the ledger (the end of a run). */
    public void releaseAll() {
        for (INDArray array : List.copyOf(live.keySet())) {
            release(array);
        }
    }

    /** Bytes now held in {@code category}: float32 arrays, 4 bytes per value. */
    /** The live arrays of {@code category}, in no particular order. */
    public java.util.List<INDArray> arrays(MemoryCategory category) {
        return live.entrySet().stream().filter(e -> e.getValue() == category).map(Map.Entry::getKey).toList();
    }

    /** Bytes now held in {@code category}: float32 arrays, 4 bytes per value. */
    public long bytes(MemoryCategory category) {
        return bytes.get(category);
    }

    /** The persistent part of a breakdown, with no transient memory. */
    public MemoryBreakdown snapshot() {
        return new MemoryBreakdown(
                bytes(MemoryCategory.PARAMETERS),
                bytes(MemoryCategory.GRADIENTS),
                bytes(MemoryCategory.OPTIMIZER_STATE),
                0L);
    }

    public static long sizeInBytes(INDArray array) {
        return array.length() * array.dataType().width();
    }
}
