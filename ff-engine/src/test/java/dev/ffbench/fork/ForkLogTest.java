package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fork's log as the harness keeps it: the last lines, each cut to a bounded length. */
class ForkLogTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheLastLinesEndedAsStringLinesEndsThem() throws Exception {
        Path log = dir.resolve("a.log");
        Files.write(log, "one\r\ntwo\rthree\n\nfour\nfive".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("one", "two", "three", "", "four", "five"), ForkLog.lastLines(log, 10));
        assertEquals(List.of("", "four", "five"), ForkLog.lastLines(log, 3));
        Files.write(log, "one\ntwo\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("one", "two"), ForkLog.lastLines(log, 10), "a closing line end makes no empty line");
        assertEquals(List.of(), ForkLog.lastLines(dir.resolve("none.log"), 10));
    }

    @Test
    void aLongLineKeepsItsStartAndSaysHowManyCharactersWereLeftOut() throws Exception {
        Path log = dir.resolve("a.log");
        Files.writeString(log, "short\n" + "y".repeat(5_000) + "\n" + "z".repeat(2_000) + "\n");

        assertEquals(List.of("short", "y".repeat(2_000) + " [... 3,000 characters left out]", "z".repeat(2_000)),
                ForkLog.lastLines(log, 10));
        assertEquals("a".repeat(2_000) + " [... 1 characters left out]", ForkLog.cap("a".repeat(2_001)));
        assertEquals("b".repeat(2_000), ForkLog.cap("b".repeat(2_000)));
    }

    @Test
    void aCutNeverSplitsASurrogatePairAndBytesThatAreNotUtf8BecomeReplacementCharacters() throws Exception {
        String emoji = "\uD83D\uDE00";
        assertEquals("c".repeat(1_999) + " [... 3 characters left out]", ForkLog.cap("c".repeat(1_999) + emoji + "d"));

        Path log = dir.resolve("a.log");
        Files.write(log, new byte[] {'o', 'k', (byte) 0xff, '\n'});
        assertEquals(List.of("ok\uFFFD"), ForkLog.lastLines(log, 10));
    }
}
