package dev.ffbench.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM's own summary of a fatal error, read from the block of {@code #} lines it prints to a
 * fork's output ("# A fatal error has been detected by the Java Runtime Environment: ... SIGSEGV
 * ... Problematic frame: ...", or "# There is insufficient memory for the Java Runtime Environment
 * to continue. ...") or, when the output lacks it, from the top of the crash report file: the
 * real reason of a native crash, instead of the block's last line, "#".
 */
final class JvmCrash {
    /** Lines of the summary kept at most (the signal or error, its frame, where it happened). */
    static final int MAX_LINES = 4;

    /** What the JVM said, and where its crash report is (null when it named none). */
    record Summary(List<String> lines, Path report) {
        Summary {
            lines = List.copyOf(lines);
        }

        /** "SIGSEGV (0xb) at pc=..., pid=..., tid=...; problematic frame: C [libc.so.6+0x15354a]" (no closing periods). */
        String text() {
            return String.join("; ", lines.stream().map(line -> line.endsWith(".") ? line.substring(0, line.length() - 1) : line)
                    .toList());
        }
    }

    private JvmCrash() {}

    /** The fatal-error summary in a fork's output, if it holds one. */
    static Optional<Summary> find(List<String> output) {
        int start = -1;
        for (int i = 0; i < output.size() && start < 0; i++) {
            String text = content(output.get(i));
            if (output.get(i).startsWith("#") && (text.startsWith("A fatal error has been detected")
                    || text.startsWith("There is insufficient memory for the Java Runtime Environment"))) {
                start = i;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        while (start > 0 && output.get(start - 1).startsWith("#")) {
            start--;
        }
        int end = start;
        while (end < output.size() && output.get(end).startsWith("#")) {
            end++;
        }
        return Optional.of(summarize(output.subList(start, end)));
    }

    /** The summary at the top of a crash report file (hs_err_pid*.log), if the file exists and holds one. */
    static Optional<Summary> fromReport(Path report) {
        if (!Files.isRegularFile(report)) {
            return Optional.empty();
        }
        try {
            List<String> lines = new String(Files.readAllBytes(report), StandardCharsets.UTF_8).lines().toList();
            return find(lines).map(summary -> new Summary(summary.lines(), report));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Summary summarize(List<String> block) {
        List<String> lines = new ArrayList<>();
        Path report = null;
        boolean skippingAdvice = false;
        for (int i = 0; i < block.size(); i++) {
            String text = content(block.get(i));
            String next = i + 1 < block.size() ? content(block.get(i + 1)) : "";
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("Out of Memory Error") || text.startsWith("JRE version:")) {
                skippingAdvice = false; // the end of "Possible reasons/solutions"
            }
            if (skippingAdvice || text.startsWith("A fatal error has been detected") || text.startsWith("JRE version:")
                    || text.startsWith("Java VM:") || text.startsWith("See problematic frame")
                    || text.contains("core dump") || text.contains("Core dump") || text.contains("CreateCoredumpOnCrash")) {
                continue;
            }
            if (text.startsWith("Possible reasons:")) {
                skippingAdvice = true;
            } else if (text.equals("Problematic frame:")) {
                lines.add("problematic frame: " + next);
                i++;
            } else if (text.startsWith("An error report file with more information is saved as:")) {
                report = next.isEmpty() ? null : Path.of(next);
                i++;
            } else if (text.startsWith("Compiler replay data is saved as:")
                    || text.startsWith("If you would like to submit a bug report")) {
                i++;
            } else {
                lines.add(text);
            }
        }
        return new Summary(lines.subList(0, Math.min(MAX_LINES, lines.size())), report);
    }

    /** A line of the block without its leading #, trimmed, with runs of spaces made one. */
    private static String content(String line) {
        return line.replaceFirst("^#+", "").trim().replaceAll("\\s+", " ");
    }
}
