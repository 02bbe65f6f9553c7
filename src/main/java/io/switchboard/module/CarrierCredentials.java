package io.switchboard.module;

import java.util.List;

/**
 * The credentials one carrier account is configured with; which of them apply depends on its dialect.
 * {@link #toString()} leaves every secret out.
 */
public record CarrierCredentials(String username, String password, String apiKey, String accessKey,
        String signingSecret, String workspaceId, String channelId) {

    /** The names among these, as configured ({@code api-key}, {@code signing-secret}…), that have no value. */
    public List<String> missing(List<String> names) {
        return names.stream().filter(name -> {
            String value = valueOf(name);
            return value == null || value.isBlank();
        }).toList();
    }

    private String valueOf(String name) {
        return switch (name) {
            case "username" -> username;
            case "password" -> password;
            case "api-key" -> apiKey;
            case "access-key" -> accessKey;
            case "signing-secret" -> signingSecret;
            case "workspace-id" -> workspaceId;
            case "channel-id" -> channelId;
            default -> throw new IllegalArgumentException("No carrier credential is named " + name);
        };
    }

    @Override
    public String toString() {
        return "CarrierCredentials[username=" + username + ", workspaceId=" + workspaceId + ", channelId=" + channelId
                + "]";
    }
}
