package io.switchboard.dialect.pinnacle;

import io.switchboard.api.UnauthorizedException;
import io.switchboard.api.UnauthorizedException.Flaw;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.Carriers;
import io.switchboard.model.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.stereotype.Component;

/**
 * Pinnacle's webhook proof ({@code FORMATS.md} §1.10): the header {@code PINNACLE-SIGNING-SECRET} carries the
 * webhook's secret itself, not an HMAC, so it is compared with each configured Pinnacle carrier's secret. Both are
 * hashed first so the comparison takes the same time whatever the lengths and contents.
 */
@Component("pinnacleSignatures")
public class PinnacleSignatures {

    public static final String HEADER = "PINNACLE-SIGNING-SECRET";

    private final Carriers carriers;

    public PinnacleSignatures(Carriers carriers) {
        this.carriers = carriers;
    }

    /**
     * The configured Pinnacle carrier whose signing secret the header holds; every candidate is compared.
     *
     * @throws UnauthorizedException when the header is missing or holds no configured secret
     */
    public CarrierConnector signer(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new UnauthorizedException(Flaw.MISSING, "The " + HEADER + " header is missing.");
        }
        byte[] claimed = sha256(secret.trim());
        CarrierConnector signer = null;
        for (CarrierConnector carrier : carriers.ofDialect(Dialect.PINNACLE)) {
            if (MessageDigest.isEqual(sha256(carrier.signingSecret()), claimed) && signer == null) {
                signer = carrier;
            }
        }
        if (signer == null) {
            throw new UnauthorizedException(Flaw.SIGNATURE, "The " + HEADER + " header does not match.");
        }
        return signer;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
