package dev.ffbench.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.exception.ND4JIllegalStateException;
import org.nd4j.linalg.factory.Nd4j;

/** Inside the guard, only workspaces and the persistent ledger may allocate. */
class AllocationGuardTest {

    @Test
    void anAllocationOutsideAStepWorkspaceFails() {
        try (MemoryWorkspace guard = AllocationGuard.open()) {
            ND4JIllegalStateException escape = assertThrows(ND4JIllegalStateException.class,
                    () -> Nd4j.create(DataType.FLOAT, 4, 4));
            assertTrue(escape.getMessage().contains("Workspace is full"), escape.getMessage());
        }
    }

    @Test
    void stepWorkspacesAndTheLedgerAllocateAndAreCountedExactly() {
        PersistentMemory persistent = new PersistentMemory();
        try (MemoryWorkspace guard = AllocationGuard.open();
                TransientMemory transientMemory = new TransientMemory("guard-test")) {
            INDArray weights = persistent.zeros(MemoryCategory.PARAMETERS, 8, 4);
            try (MemoryWorkspace step = transientMemory.step()) {
                INDArray x = Nd4j.create(DataType.FLOAT, 16, 8);
                INDArray product = Nd4j.create(DataType.FLOAT, 16, 4);
                Nd4j.gemm(x, weights, product, false, false, 1.0, 0.0);
            }
            assertEquals(8 * 4 * Float.BYTES, persistent.bytes(MemoryCategory.PARAMETERS));
            // the 16x8 input and the 16x4 product, nothing else
            assertEquals((16 * 8 + 16 * 4) * Float.BYTES, transientMemory.peakBytes());
        }
        persistent.releaseAll();
        assertEquals(0, persistent.bytes(MemoryCategory.PARAMETERS));
    }
}
