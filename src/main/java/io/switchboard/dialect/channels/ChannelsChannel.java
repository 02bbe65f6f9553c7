package io.switchboard.dialect.channels;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The channel resource of {@code GET /workspaces/{workspaceId}/channels/{channelId}}, reduced to what the hub reads:
 * whether the channel sends MMS (seed 003). Everything else the resource holds is ignored.
 *
 * <p>Seed 003 is of two minds about where that is. Its prose says {@code capabilities.messaging.outgoing.mms.status}
 * is {@code active}; its example response nests a {@code messaging} capability inside the {@code messaging} group,
 * {@code capabilities.messaging.messaging.outgoing.mms.status}. The hub accepts either, and the sandbox answers in
 * the example's shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelsChannel(String id, String platformId, String name, String status, Capabilities capabilities) {

    public static final String ACTIVE = "active";

    /** True only when outgoing MMS is active and not paused. */
    public boolean sendsMms() {
        Capability group = capabilities == null ? null : capabilities.messaging();
        Capability messaging = group == null || group.messaging() == null ? group : group.messaging();
        Capability outgoing = messaging == null ? null : messaging.outgoing();
        Capability mms = outgoing == null ? null : outgoing.mms();
        return mms != null && mms.isActive();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capabilities(Capability messaging) {
    }

    /**
     * One capability; the ones the hub reads nest: messaging, its outgoing direction, and MMS within that.
     *
     * @param status {@code active} when the capability is on
     * @param paused true when it is on but suspended
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capability(String name, String status, Boolean paused, Capability messaging, Capability outgoing,
            Capability mms) {

        public static Capability of(String name, String status) {
            return new Capability(name, status, null, null, null, null);
        }

        boolean isActive() {
            return ACTIVE.equalsIgnoreCase(status) && !Boolean.TRUE.equals(paused);
        }
    }
}
