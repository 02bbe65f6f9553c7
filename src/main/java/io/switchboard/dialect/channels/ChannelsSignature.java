package io.switchboard.dialect.channels;

import io.switchboard.signing.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The signature of a Notifications API webhook (FORMATS.md §4.3): base64 of HMAC-SHA256, keyed with the
 * subscription's signing key, over the request timestamp, a newline, the full URL called, a newline and the raw
 * 32-byte SHA-256 of the body (not its hex), sent as {@value #SIGNATURE_HEADER} with {@value #TIMESTAMP_HEADER}.
 */
public final class ChannelsSignature {

    public static final String SIGNATURE_HEADER = "messagebird-signature";
    public static final String TIMESTAMP_HEADER = "messagebird-request-timestamp";

    private ChannelsSignature() {
    }

    /** The header value for a body posted to {@code url} at {@code timestamp}. */
    public static String sign(String signingKey, String timestamp, String url, byte[] body) {
        return Base64.getEncoder().encodeToString(mac(signingKey, timestamp, url, body));
    }

    /** True when the header value is the signature of this request under this key; compared in constant time. */
    public static boolean matches(String signature, String signingKey, String timestamp, String url, byte[] body) {
        if (signature == null || signingKey == null || timestamp == null) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(signingKey, timestamp, url, body), presented);
    }

    private static byte[] mac(String signingKey, String timestamp, String url, byte[] body) {
        try {
            byte[] bodyHash = MessageDigest.getInstance("SHA-256").digest(body);
            return HmacSha256.of(signingKey.getBytes(StandardCharsets.UTF_8),
                    (timestamp + "\n" + url + "\n").getBytes(StandardCharsets.UTF_8), bodyHash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
