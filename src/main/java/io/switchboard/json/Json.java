package io.switchboard.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * The one Jackson configuration of the hub; the Spring context holds a single instance of it. Its strict variant reads
 * what callers send ({@link #newStrictMapper()}).
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper newMapper() {
        return configured(JsonMapper.builder()).build();
    }

    /**
     * The same configuration, refusing whatever a lenient reader would have to guess at: a number or boolean where a
     * string belongs ({@code "text": false} is not the text "false"), a string where a number or boolean belongs, a
     * fraction for a whole number, a number for an enum, and an object naming one field twice (which of the two a
     * reader keeps differs between parsers, so a signature checked over the bytes would not say what was read).
     */
    public static ObjectMapper newStrictMapper() {
        return configured(JsonMapper.builder())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // ALLOW_COERCION_OF_SCALARS covers numbers and booleans as targets, not strings
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    private static JsonMapper.Builder configured(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                // vendors add fields over time; the dialect validators decide what is required
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // keep the offset a client wrote (+01:00) instead of moving every time to UTC
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // a message's JSON is the same bytes in every JVM, so its fingerprint survives a restart
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }
}
