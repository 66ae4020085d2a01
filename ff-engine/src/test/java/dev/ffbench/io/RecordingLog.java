package dev.ffbench.io;

import java.util.ArrayList;
import java.util.List;

/** A harness log that keeps every line, warnings prefixed "WARN ", for tests to assert on. */
public final class RecordingLog implements HarnessLog {
    private final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    /** The live list of lines so far. */
    public List<String> lines() {
        return lines;
    }
}
