package dev.ffbench.experiment;

import dev.ffbench.api.ModelContext;
import dev.ffbench.io.Problem;
import java.util.List;

/**
 * The model created an ND4J array outside every step workspace and outside the persistent ledger, so
 * the array would escape the exact memory figures: the {@link dev.ffbench.memory.AllocationGuard}
 * refused it. The message names the class and method that made the array (the first frame outside
 * ND4J and the engine's building blocks) and says where such arrays belong.
 */
public final class EscapedAllocationException extends RuntimeException {
    /** Frames that only pass an allocation on: ND4J, JavaCPP, the JDK and the engine's building blocks. */
    private static final List<String> PASS_THROUGH = List.of("org.nd4j.", "org.bytedeco.", "java.", "jdk.", "sun.",
            "dev.ffbench.nn.", "dev.ffbench.memory.", "dev.ffbench.experiment.", "dev.ffbench.api.");

    private final transient Problem problem;

    private EscapedAllocationException(Problem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    /** The refused allocation as data: the algorithm, where it made the array, and where such arrays belong. */
    public Problem problem() {
        return problem;
    }

    /** The guard's refusal in {@code failure}'s causes, as this exception; null when it was something else. */
    static EscapedAllocationException from(Throwable failure, String algorithm) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals("org.nd4j.linalg.exception.ND4JIllegalStateException")
                    && String.valueOf(t.getMessage()).contains("Workspace is full")) {
                return new EscapedAllocationException(Problem.found("algorithm " + algorithm, "created an ND4J array"
                        + " outside the memory ledger, in " + culprit(t.getStackTrace()), "arrays that live"
                        + " through a step inside the step workspace the engine opens around TrainingPhase.step and"
                        + " Model.predict (or Batch.scratch() for one layer's temporaries), and arrays that outlive a"
                        + " step (parameters, gradients, optimizer state) through PersistentMemory"
                        + " (ModelContext.memory()), so that every byte is counted"), t);
            }
        }
        return null;
    }

    /** "com.acme.MyModel.train (MyModel.java:57)", with the building block it went through if any. */
    static String culprit(StackTraceElement[] frames) {
        StackTraceElement via = null;
        for (StackTraceElement frame : frames) {
            String type = frame.getClassName();
            boolean passThrough = PASS_THROUGH.stream().anyMatch(type::startsWith);
            if (!passThrough) {
                return describe(frame) + (via == null ? "" : " (through " + describe(via) + ")");
            }
            if (via == null && type.startsWith("dev.ffbench.")) {
                via = frame;
            }
        }
        return via == null ? "an unknown place" : describe(via);
    }

    private static String describe(StackTraceElement frame) {
        return frame.getClassName() + "." + frame.getMethodName() + " (" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
    }
}
