package io.switchboard.model;

import com.fasterxml.jackson.annotation.JsonValue;

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

    /**
     * True for the dialects whose RCS send takes an SMS/MMS leg the carrier sends itself (v5 {@code smsFailover} and
     * {@code mmsFailover}, Pinnacle {@code fallback}), so a routing rule can hand failover to such a carrier.
     */
    public boolean takesFailoverLeg() {
        return this == V5 || this == PINNACLE;
    }

    public static Dialect fromId(String id) {
        for (Dialect dialect : values()) {
            if (dialect.id.equalsIgnoreCase(id)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("Unknown dialect '" + id + "'; expected one of pinnacle, v1, v5, channels");
    }
}
