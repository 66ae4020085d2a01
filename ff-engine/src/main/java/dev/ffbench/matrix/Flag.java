package dev.ffbench.matrix;

import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import java.util.Locale;

/**
 * A true/false parameter read from text. Maven turns any text but "true" into false, so a misspelled
 * {@code -Dff.failOnViolation=flase} would silently make the gates advisory: the plugin's switches are
 * read as text and parsed here, where anything but true or false is an error.
 */
public final class Flag {
    private Flag() {}

    /**
     * @param parameter the parameter's name, for the message
     * @param value its text (case and surrounding spaces ignored)
     * @throws HarnessException "failOnViolation is 'flase'; allowed: true or false"
     */
    public static boolean parse(String parameter, String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new HarnessException(new Problem(parameter, String.valueOf(value), "true or false"));
        };
    }
}
