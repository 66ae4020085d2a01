package dev.ffbench.io;

import java.util.Objects;

/**
 * One problem with a value that crossed a boundary (a POM value, a field of a results or baseline
 * file, a spec option), as data: what it is, what it was, what is allowed. Producers build these and
 * tests assert their fields; the sentence the user reads is worded only here ({@link #message()}),
 * so a change of wording is one edit, not one per producer and test.
 *
 * @param thing the parameter, field or option, as the user knows it: "depths", "rules[1].minimum",
 *     "file ff-baseline.json: cell backprop-d1-w16-s1 epochSeconds[2].seconds"
 * @param value the value as the user wrote it (trimmed); null when none was given ("is not set")
 * @param allowed what would have been accepted: "a whole number >= 1"
 * @param note why this value is wrong when "not allowed" alone would puzzle (a value in range that
 *     never fails a gate); null for none
 * @param finding what was found, in words that follow the thing, when it is not one value the user wrote
 *     ("holds no records", "has 3 values", "is 70,000 bytes long"); null when {@code value} says it
 */
public record Problem(String thing, String value, String allowed, String note, String finding) {
    public Problem {
        Objects.requireNonNull(thing, "thing");
        Objects.requireNonNull(allowed, "allowed");
    }

    /** A value that is not allowed, with a note saying why (null for none). */
    public Problem(String thing, String value, String allowed, String note) {
        this(thing, value, allowed, note, null);
    }

    /** A value that is not allowed, without a note. */
    public Problem(String thing, String value, String allowed) {
        this(thing, value, allowed, null, null);
    }

    /** A parameter that must be given but was not. */
    public static Problem notSet(String thing, String allowed) {
        return new Problem(thing, null, allowed, null, null);
    }

    /**
     * Something found in a file or an extension that is not one value the user wrote: "line 4 of
     * train.csv has 3 values; allowed: ...", with {@code finding} "has 3 values".
     */
    public static Problem found(String thing, String finding, String allowed) {
        return new Problem(thing, null, allowed, null, Objects.requireNonNull(finding, "finding"));
    }

    /**
     * The sentence shown to the user: "depths is '0'; allowed: a whole number >= 1", "rules[1].minimum is
     * '0', which never fails: ...; allowed: ...", "ratios[1].algorithm is not set; allowed: ...".
     */
    public String message() {
        return statement() + "; allowed: " + allowed;
    }

    /**
     * What is wrong, without what is allowed: "depths is '0'", "line 4 of train.csv has 3 values", for a
     * caller that states this problem inside another one (a dataset parameter naming a bad file).
     */
    public String statement() {
        String said = finding != null ? " " + finding : value == null ? " is not set" : " is '" + value + "'";
        return thing + said + (note == null ? "" : ", " + note);
    }

    /**
     * This problem with its thing prefixed by where it was written or found, as another stage names it:
     * "settings: " + "iterations" reads "settings: iterations is '0'; ...".
     */
    public Problem within(String prefix) {
        return new Problem(prefix + thing, value, allowed, note, finding);
    }

    @Override
    public String toString() {
        return message();
    }
}
