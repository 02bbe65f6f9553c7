package io.switchboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the operator password against its SHA-256 digest in constant time. The operator's password reaches the hub
 * in clear (its configuration), so a slow hash of the copy in memory protects nothing; it only cost about 70 ms of CPU
 * on every Basic-authenticated request, Jolokia polls included, and let anyone with a wrong password spend that much
 * of the hub's CPU per request.
 */
final class OperatorPasswordEncoder implements PasswordEncoder {

    private static final int DIGEST_HEX_LENGTH = 64;

    @Override
    public String encode(CharSequence rawPassword) {
        return HexFormat.of().formatHex(digest(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.length() != DIGEST_HEX_LENGTH) {
            return false;
        }
        // both sides are 64 characters, so the comparison's time says nothing about the password
        return MessageDigest.isEqual(encode(rawPassword).getBytes(StandardCharsets.US_ASCII),
                encodedPassword.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] digest(CharSequence text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
