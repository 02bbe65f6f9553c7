package io.switchboard.webhook;

import io.switchboard.signing.StandardWebhooks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** Standard Webhooks secrets for subscriptions, and the check of a signature ({@link StandardWebhooks}). */
@Component
public class WebhookSigner {

    public static final String SECRET_PREFIX = StandardWebhooks.SECRET_PREFIX;
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;

    private final SecureRandom random = new SecureRandom();

    /** A fresh {@code whsec_} secret with a 32-byte key. */
    public String newSecret() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** True for {@code whsec_} followed by the base64 of 24 to 64 bytes. */
    public boolean isValidSecret(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return false;
        }
        try {
            int length = StandardWebhooks.key(secret).length;
            return length >= MIN_KEY_BYTES && length <= MAX_KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@code webhook-signature} header value for these exact bytes. */
    public String sign(String secret, String webhookId, long timestampSeconds, byte[] body) {
        return StandardWebhooks.sign(secret, webhookId, timestampSeconds, body);
    }

    /**
     * Whether a {@code webhook-signature} header (one or more space-separated {@code v1,<base64>}) holds the signature
     * of these exact bytes with this secret, compared in constant time.
     */
    public boolean verifies(String secret, String webhookId, long timestampSeconds, byte[] body, String signatures) {
        byte[] expected = sign(secret, webhookId, timestampSeconds, body).getBytes(StandardCharsets.UTF_8);
        for (String signature : signatures.trim().split(" +")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

}
