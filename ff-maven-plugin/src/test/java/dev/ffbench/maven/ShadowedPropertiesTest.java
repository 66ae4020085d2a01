package dev.ffbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** Which -Dff.x a goal's configuration overrides, on configurations shaped as Maven merges them. */
class ShadowedPropertiesTest {
    static final Map<String, String> PROPERTIES = Map.of("dataset", "ff.dataset", "depths", "ff.depths", "epochs", "ff.epochs");

    /** dataset and depths set by the POM; epochs left to its expression, as Maven's merged configuration holds it. */
    static Xpp3Dom configuration() {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom dataset = new Xpp3Dom("dataset");
        dataset.setValue("synthetic");
        configuration.addChild(dataset);
        Xpp3Dom depths = new Xpp3Dom("depths");
        for (String value : new String[] {"2", "4"}) {
            Xpp3Dom depth = new Xpp3Dom("depth");
            depth.setValue(value);
            depths.addChild(depth);
        }
        configuration.addChild(depths);
        Xpp3Dom epochs = new Xpp3Dom("epochs");
        epochs.setValue("${ff.epochs}");
        configuration.addChild(epochs);
        return configuration;
    }

    static Properties user(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void aPropertyThePomOverridesIsAWarningNamingBothValues() {
        assertEquals(List.of("-Dff.dataset=mnist-sample is ignored: the POM sets <dataset>synthetic</dataset> in the configuration"
                + " of ff:benchmark, and Maven gives the POM precedence over -D; allowed: remove <dataset> from the POM, or write"
                + " <dataset>${ff.dataset}</dataset> there with a default in <properties>, so that -Dff.dataset overrides it"),
                ShadowedProperties.warnings(configuration(), PROPERTIES, user("ff.dataset", "mnist-sample"), "ff:benchmark"));
    }

    @Test
    void aListElementIsShownAsItsValuesCommaSeparated() {
        List<String> warnings = ShadowedProperties.warnings(configuration(), PROPERTIES, user("ff.depths", "8"), "ff:benchmark");
        assertEquals(1, warnings.size());
        assertEquals("-Dff.depths=8 is ignored: the POM sets <depths>2,4</depths>", warnings.get(0).substring(0, 59));
    }

    /** As Maven merges a list of objects written element by element: its children, and the expression as its value. */
    @Test
    void aPropertyThatReplacesAListThePomWritesElementByElementSaysSo() {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom rules = new Xpp3Dom("rules");
        rules.setValue("${ff.rules}");
        Xpp3Dom rule = new Xpp3Dom("rule");
        Xpp3Dom metric = new Xpp3Dom("metric");
        metric.setValue("testAccuracy");
        rule.addChild(metric);
        rules.addChild(rule);
        configuration.addChild(rules);
        assertEquals(List.of("-Dff.rules=metric=testAccuracy;minimum=0.01 replaces the POM's <rules>... (1 element)</rules> in"
                + " the configuration of ff:benchmark: Maven uses -D for a list the POM writes element by element; allowed:"
                + " leave out -Dff.rules to run the POM's rules"),
                ShadowedProperties.warnings(configuration, Map.of("rules", "ff.rules"),
                        user("ff.rules", "metric=testAccuracy;minimum=0.01"), "ff:benchmark"));
    }

    @Test
    void aPropertyThePomDoesNotSetOrSetsToTheSameValueIsNoWarning() {
        assertEquals(List.of(), ShadowedProperties.warnings(configuration(), PROPERTIES,
                user("ff.epochs", "1", "ff.dataset", "synthetic", "ff.depths", "2,4", "other", "x"), "ff:benchmark"));
        assertEquals(List.of(), ShadowedProperties.warnings(null, PROPERTIES, user("ff.dataset", "x"), "ff:benchmark"));
    }
}
