package io.switchboard.callback;

import io.switchboard.api.UnauthorizedException;
import io.switchboard.api.UnauthorizedException.Flaw;
import io.switchboard.signing.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tokens that prove a callback comes from the carrier the hub gave the callback URL to. Carriers whose dialect has no
 * signature of its own (v5 publishes none) get a callback URL carrying an HMAC of the leg id, so a forged callback
 * would have to guess a 256-bit MAC for one specific leg.
 */
@Component("callbackTokens")
public class CallbackTokens {

    private final byte[] key;

    public CallbackTokens(@Value("${switchboard.callbacks.token-secret}") String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("switchboard.callbacks.token-secret must be at least 32 characters");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String tokenFor(String legId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(legId));
    }

    /**
     * @return the leg id, when the token is the one the hub issued for it
     * @throws UnauthorizedException otherwise
     */
    public String verify(String legId, String token) {
        if (legId == null || token == null) {
            throw new UnauthorizedException(Flaw.MISSING, "The callback URL is missing its leg or token.");
        }
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException(Flaw.MALFORMED, "The callback token is not valid.");
        }
        if (!MessageDigest.isEqual(mac(legId), presented)) {
            throw new UnauthorizedException(Flaw.TOKEN, "The callback token is not valid.");
        }
        return legId;
    }

    private byte[] mac(String legId) {
        return HmacSha256.of(key, legId.getBytes(StandardCharsets.UTF_8));
    }
}
