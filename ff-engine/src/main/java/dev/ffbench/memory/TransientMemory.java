package dev.ffbench.memory;

import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The working memory of one phase (training a layer, training a whole net, evaluating), held in two
 * ND4J workspaces: {@code step} for what lives through a whole step (the batch, the activations
 * handed from layer to layer) and {@code scratch} for one layer's temporaries, reset after each
 * layer so that a deeper stack does not need more of it. A workspace keeps the memory of its
 * largest cycle, so the phase's transient footprint is the sum of both maximum cycle allocations:
 * exact, and the same on every run of the same configuration.
 */
public final class TransientMemory implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.STRICT)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private final String stepId;
    private final String scratchId;

    public TransientMemory(String name) {
        long id = IDS.incrementAndGet();
        this.stepId = "ffbench-" + name + "-step-" + id;
        this.scratchId = "ffbench-" + name + "-scratch-" + id;
    }

    /** Opens the step workspace; everything allocated until it closes is one step's cycle. */
    public MemoryWorkspace step() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, stepId);
    }

    /** Opens the per-layer scratch workspace (inside a step); its memory is reused by the next layer. */
    public MemoryWorkspace scratch() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, scratchId);
    }

    /** The ids of its two workspaces (step, scratch): the engine's own, for the check that a model opened none. */
    public java.util.Set<String> ids() {
        return java.util.Set.of(stepId, scratchId);
    }

    /** Bytes the two workspaces need for the largest step and the largest layer seen so far. */
    public long peakBytes() {
        return maxCycle(stepId) + maxCycle(scratchId);
    }

    private static long maxCycle(String id) {
        if (!Nd4j.getWorkspaceManager().checkIfWorkspaceExists(id)) {
            return 0;
        }
        return Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(id).getMaxCycleAllocations();
    }

    @Override
    public void close() {
        destroy(stepId);
        destroy(scratchId);
    }

    private static void destroy(String id) {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExists(id)) {
            Nd4j.getWorkspaceManager().destroyWorkspace(Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(id));
        }
    }
}
