package io.switchboard.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A vendor API format: what a client spoke to the hub, or what the hub speaks to a carrier. */
public enum Dialect {
    PINNACLE("pinnacle"),
    V1("v1"),
    V5("v5"),
    CHANNELS("channels");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    /** The lower-case name used in configuration, data type names and paths, such as {@code v5}. */
    @JsonValue
    public String id() {
        return id;
    }

    public static Dialect fromId(String id) {
        return withId(id).orElseThrow(() -> new IllegalArgumentException("Unknown dialect '" + id
                + "'; expected one of " + Arrays.stream(values()).map(Dialect::id).collect(Collectors.joining(", "))));
    }

    /** The dialect with this id, in any case; empty for null or an unknown id. */
    public static Optional<Dialect> withId(String id) {
        return Arrays.stream(values()).filter(dialect -> dialect.id.equalsIgnoreCase(id)).findFirst();
    }
}
