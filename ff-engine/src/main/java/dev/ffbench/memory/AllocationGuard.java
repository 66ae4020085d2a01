package dev.ffbench.memory;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A zero-sized workspace that refuses every allocation. A run executes inside it, so an ND4J array
 * created anywhere but in a {@link TransientMemory} workspace or through {@link PersistentMemory}
 * fails at once with "Workspace is full" instead of silently escaping the ledger.
 */
public final class AllocationGuard {
    private static final String ID = "ffbench-allocation-guard";
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.STRICT)
            .policyLearning(LearningPolicy.NONE)
            .policySpill(SpillPolicy.FAIL)
            .build();

    private AllocationGuard() {}

    public static MemoryWorkspace open() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, ID);
    }
}
