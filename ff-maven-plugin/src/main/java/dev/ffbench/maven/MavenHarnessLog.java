package dev.ffbench.maven;

import dev.ffbench.io.HarnessLog;
import org.apache.maven.plugin.logging.Log;

/** The harness's log lines, on Maven's console. */
final class MavenHarnessLog implements HarnessLog {
    private final Log log;

    MavenHarnessLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}
