package dev.ffbench.gate;

/** Which kind of rule produced an outcome; the key names the JUnit test class. */
public enum GateKind {
    ABSOLUTE("absolute"),
    BASELINE("baseline"),
    RATIO("ratio");

    private final String key;

    GateKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
