package io.switchboard.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Standard Webhooks symmetric signatures: {@code v1,} + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), where
 * the key is the base64-decoded part of a {@code whsec_} secret.
 */
@Component
public class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";
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
            int length = key(secret).length;
            return length >= MIN_KEY_BYTES && length <= MAX_KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@code webhook-signature} header value for these exact bytes. */
    public String sign(String secret, String webhookId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The {@code webhook-signature} header value with one signature per secret, space-separated in the secrets' order,
     * as Standard Webhooks sends several during a rotation; a receiver accepts the delivery if one matches its secret.
     */
    public String sign(List<String> secrets, String webhookId, long timestampSeconds, byte[] body) {
        return secrets.stream().map(secret -> sign(secret, webhookId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
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

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
