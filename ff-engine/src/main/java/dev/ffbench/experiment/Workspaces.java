package dev.ffbench.experiment;

import dev.ffbench.api.ModelContext;
import dev.ffbench.io.Problem;
import dev.ffbench.memory.TransientMemory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J workspaces of one run that are the engine's: those open before the model was built (the
 * allocation guard's) and those of the engine's training phases, evaluations and diagnostics while they
 * are open. After every step and every evaluated batch the thread's workspaces must all be the engine's:
 * arrays in a workspace a model opened itself are in no step's working set and not in the ledger, and
 * the allocation guard cannot see them.
 */
final class Workspaces {
    private final Set<String> engines = new HashSet<>();

    /** The workspaces open on this thread now become the engine's (call before the model is built). */
    Workspaces() {
        Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread().forEach(w -> engines.add(w.getId()));
    }

    /** {@code memory}'s workspaces are the engine's until {@link #close}d. */
    void open(TransientMemory memory) {
        engines.addAll(memory.ids());
    }

    void close(TransientMemory memory) {
        engines.removeAll(memory.ids());
    }

    /**
     * @param where "its step of phase 'layer 1'" or "its predict"
     * @throws ModelFailedException naming the model's class and the workspaces that are not the engine's
     */
    void check(String algorithm, Object model, String where) {
        List<String> foreign = Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread().stream()
                .map(MemoryWorkspace::getId).filter(id -> !engines.contains(id)).sorted().toList();
        if (!foreign.isEmpty()) {
            throw new ModelFailedException(Problem.found("algorithm " + algorithm + "'s model " + model.getClass().getName(),
                    "opened ND4J workspace" + (foreign.size() == 1 ? " " : "s ") + String.join(", ", foreign)
                    + " in " + where + ": arrays there are in no step's working set and not in the ledger",
                    "the step's workspace the engine opens (arrays that live through a step),"
                    + " Batch.scratch() (one layer's temporaries) and ModelContext.memory() (arrays that outlive a step)"));
        }
    }
}
