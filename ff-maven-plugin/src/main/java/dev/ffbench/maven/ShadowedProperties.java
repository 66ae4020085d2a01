package dev.ffbench.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The -Dff.x user properties whose parameter the POM also sets, and which of the two Maven uses: an
 * element the POM writes as text takes precedence over the user property, so without a word a typo on
 * the command line (-Dff.dataset=...) would run the POM's matrix and pass; but a list the POM writes
 * element by element (<rules><rule>...) keeps the parameter's expression as its value in the merged
 * configuration, and Maven evaluates it: the -D property replaces the POM's elements. Either way the log
 * says which one the run uses, since a gate's verdict can depend on it.
 */
final class ShadowedProperties {

    private ShadowedProperties() {
    }

    /**
     * One warning per user property that differs from what the execution's configuration sets: it is
     * ignored, or it replaces the POM's list.
     *
     * @param configuration the execution's merged configuration (MojoExecution.getConfiguration()): an element
     *     that the POM does not set still holds the parameter's expression, e.g. {@code ${ff.dataset}}
     * @param properties    parameter name to its user property (ff.dataset), for the parameters that have one
     * @param userProperties the session's -D properties
     * @param goal          the goal as messages show it, e.g. ff:benchmark
     */
    static List<String> warnings(Xpp3Dom configuration, Map<String, String> properties, Properties userProperties, String goal) {
        List<String> warnings = new ArrayList<>();
        if (configuration == null) {
            return warnings;
        }
        for (String parameter : new TreeSet<>(properties.keySet())) {
            String property = properties.get(parameter);
            String given = userProperties.getProperty(property);
            Xpp3Dom element = configuration.getChild(parameter);
            if (given == null || element == null) {
                continue;
            }
            String expression = "${" + property + "}";
            String configured = text(element);
            if (element.getChildCount() > 0 && expression.equals(element.getValue())) {
                warnings.add("-D" + property + "=" + given + " replaces the POM's <" + parameter + ">" + configured + "</"
                        + parameter + "> in the configuration of " + goal + ": Maven uses -D for a list the POM writes"
                        + " element by element; allowed: leave out -D" + property + " to run the POM's " + parameter);
                continue;
            }
            // an element the POM does not set holds the expression that reads the user property
            if (configured.equals(expression) || configured.equals(given)) {
                continue;
            }
            warnings.add("-D" + property + "=" + given + " is ignored: the POM sets <" + parameter + ">" + configured + "</"
                    + parameter + "> in the configuration of " + goal + ", and Maven gives the POM precedence over -D;"
                    + " allowed: remove <" + parameter + "> from the POM, or write <" + parameter + ">${" + property + "}</"
                    + parameter + "> there with a default in <properties>, so that -D" + property + " overrides it");
        }
        return warnings;
    }

    /** The element as the POM wrote it: its text, its children's texts comma-separated, or how many children it has. */
    private static String text(Xpp3Dom element) {
        if (element.getChildCount() == 0) {
            return element.getValue() == null ? "" : element.getValue().trim();
        }
        List<String> values = new ArrayList<>();
        for (Xpp3Dom child : element.getChildren()) {
            if (child.getChildCount() > 0) {
                return "... (" + element.getChildCount() + (element.getChildCount() == 1 ? " element)" : " elements)");
            }
            values.add(child.getValue() == null ? "" : child.getValue().trim());
        }
        return String.join(",", values);
    }
}
