package dev.ffbench.cli;

import java.io.PrintWriter;

/**
 * Stack traces as text: the part a user needs in a cell's short log tail (each exception of the chain with
 * its frames down to where the engine called the algorithm, without the engine's and the command line's
 * frames below: they are the same for every cell), and the whole one the fork hands to the harness.
 */
final class StackTraces {
    /** The engine's frame that calls into an algorithm's code: frames below it are never the cause. */
    private static final String ENGINE_RUNNER = "dev.ffbench.experiment.ExperimentRunner";

    private StackTraces() {}

    /** {@code failure}'s whole stack trace with its causes and suppressed exceptions, as printStackTrace prints it. */
    static String whole(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    static void printUserPart(Throwable failure, PrintWriter out) {
        String prefix = "";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.println(prefix + t);
            StackTraceElement[] frames = t.getStackTrace();
            int shown = 0;
            for (StackTraceElement frame : frames) {
                out.println("\tat " + frame);
                shown++;
                if (frame.getClassName().equals(ENGINE_RUNNER)) {
                    break;
                }
            }
            if (shown < frames.length) {
                out.println("\t... " + (frames.length - shown) + " frames of the engine and its command line");
            }
            prefix = "Caused by: ";
        }
    }
}
