package dev.ffbench.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The one JSON mapping of specs and results: strict on reading, indented on writing. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A spec from JSON: fields the JSON leaves out keep their defaults, then {@code overrides}
     * (field name to value as text, e.g. from the command line) apply.
     */
    public static ExperimentSpec readSpec(String json, Map<String, String> overrides) {
        try {
            ObjectNode merged = MAPPER.valueToTree(ExperimentSpec.defaults());
            JsonNode given = MAPPER.readTree(json.isBlank() ? "{}" : json);
            if (!given.isObject()) {
                throw new IllegalArgumentException("experiment spec must be a JSON object, got: " + given.getNodeType());
            }
            merged.setAll((ObjectNode) given);
            overrides.forEach(merged::put);
            return MAPPER.treeToValue(merged, ExperimentSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("experiment spec is not valid: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
