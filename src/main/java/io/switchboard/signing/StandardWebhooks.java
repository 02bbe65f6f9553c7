package io.switchboard.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Standard Webhooks symmetric signatures: {@code v1,} + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), where
 * the key is the base64-decoded part of a {@code whsec_} secret; several space-separated while a secret is rotated.
 */
public final class StandardWebhooks {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private StandardWebhooks() {
    }

    /** The {@code webhook-signature} value of these exact bytes under one secret. */
    public static String sign(String secret, String webhookId, long timestampSeconds, byte[] body) {
        byte[] signed = HmacSha256.of(key(secret),
                (webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8), body);
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    /**
     * The three headers of a post, signed under every secret given, so a receiver that knows any one of them accepts
     * it: during a secret's rotation, the old and the new.
     */
    public static Map<String, String> headers(List<String> secrets, String webhookId, long timestampSeconds,
            byte[] body) {
        Map<String, String> headers = identity(webhookId, timestampSeconds);
        headers.put(SIGNATURE, secrets.stream().map(secret -> sign(secret, webhookId, timestampSeconds, body))
                .collect(Collectors.joining(" ")));
        return headers;
    }

    /**
     * The {@code webhook-id} and {@code webhook-timestamp} headers alone, for a dialect that proves the sender its own
     * way but lets receivers tell a retry from a new event as every subscriber can.
     */
    public static Map<String, String> identity(String webhookId, long timestampSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, webhookId);
        headers.put(TIMESTAMP, Long.toString(timestampSeconds));
        return headers;
    }

    /** The secret whose key is these bytes, for a key that is not a {@code whsec_} secret already. */
    public static String secretOf(byte[] key) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** @throws IllegalArgumentException when the part after the prefix is not base64 */
    public static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
