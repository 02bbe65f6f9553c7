package io.switchboard.dialect.channels;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a Notifications API webhook (FORMATS.md §4.3): base64 of HMAC-SHA256, keyed with the
 * subscription's signing key, over the request timestamp, a newline, the full URL called, a newline and the raw
 * 32-byte SHA-256 of the body (not its hex), sent as {@value #SIGNATURE_HEADER} with {@value #TIMESTAMP_HEADER}.
 */
public final class ChannelsSignature {

    public static final String SIGNATURE_HEADER = "messagebird-signature";
    public static final String TIMESTAMP_HEADER = "messagebird-request-timestamp";

    private static final String HMAC = "HmacSHA256";

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
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update((timestamp + "\n" + url + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(bodyHash);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("SHA-256 and HmacSHA256 are part of every Java runtime", e);
        }
    }
}
