package dev.ffbench.maven;

import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import java.util.Set;

/**
 * Whether a refusal is about a value the user set in the POM or with {@code -Dff.x}, so that its message
 * ends with where parameters are set. Decided from the problems as data (what each is about), never from
 * their wording.
 */
final class ParameterHint {
    /** What follows a parameter's problem. */
    static final String TEXT = "\n(each parameter is set as <name> in the plugin's <configuration> or as -Dff.<name>;"
            + " mvn ff:help -Ddetail documents them)";

    private ParameterHint() {}

    /**
     * Whether {@code e} is about a parameter: one of its problems names a parameter of the goal
     * ({@code parameters}) or a cell of the matrix (which the parameters make: a cell too large for its JVM
     * takes a smaller width or depth), and nothing failed beneath it (a cause: a file that could not be
     * parsed, git that could not be run), which no parameter fixes. A problem worded elsewhere (an
     * algorithm's own check, an extension's) has no data to tell, and gets no hint.
     */
    static boolean applies(HarnessException e, Set<String> parameters) {
        return e.getCause() == null && e.typedProblems().stream().map(ParameterHint::subject)
                .anyMatch(name -> parameters.contains(name) || name.equals("cell"));
    }

    /** The name a problem's thing starts with: "rules" of "rules[1].minimum", "settings" of "settings: 'x'". */
    static String subject(Problem problem) {
        String thing = problem.thing();
        int end = 0;
        while (end < thing.length() && Character.isJavaIdentifierPart(thing.charAt(end))) {
            end++;
        }
        return thing.substring(0, end);
    }
}
