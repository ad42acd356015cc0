package org.policygraph.extract;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.DeserializationFeature;

/** The one JSON mapping of {@link Extraction}: snake_case, as FORMAT.md prints it. */
public final class ExtractionJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Hand-made gold leaves out fields such as "truncated"; absent means false or zero.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ExtractionJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(Extraction extraction) {
        return MAPPER.writeValueAsString(extraction);
    }

    public static Extraction read(String json) {
        return MAPPER.readValue(json, Extraction.class);
    }
}
