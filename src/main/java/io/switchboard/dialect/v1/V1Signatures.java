package io.switchboard.dialect.v1;

import io.switchboard.api.UnauthorizedException;
import io.switchboard.api.UnauthorizedException.Flaw;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.Carriers;
import io.switchboard.model.Dialect;
import io.switchboard.signing.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * v1's webhook signature ({@code FORMATS.md} §2.6): {@code X-Arowana-Signature: sha256=<hex>}, the HMAC-SHA256 of the
 * raw body under the webhook's secret. Nothing else is signed (no timestamp), so replays are caught by the delivery
 * events' own deduplication, not here.
 */
@Component("v1Signatures")
public class V1Signatures {

    public static final String HEADER = "X-Arowana-Signature";
    private static final String PREFIX = "sha256=";

    private final Carriers carriers;

    public V1Signatures(Carriers carriers) {
        this.carriers = carriers;
    }

    /** The header value for a body, as a v1 carrier sends it. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    /**
     * The configured v1 carrier whose signing secret produced the signature; every candidate is compared in constant
     * time.
     *
     * @throws UnauthorizedException when the signature is missing, malformed or made with no configured secret
     */
    public CarrierConnector signer(String signature, byte[] body) {
        byte[] claimed = claimed(signature);
        CarrierConnector signer = null;
        for (CarrierConnector carrier : carriers.ofDialect(Dialect.V1)) {
            if (MessageDigest.isEqual(hmac(carrier.signingSecret(), body), claimed) && signer == null) {
                signer = carrier;
            }
        }
        if (signer == null) {
            throw new UnauthorizedException(Flaw.SIGNATURE, "The " + HEADER + " signature does not match.");
        }
        return signer;
    }

    private static byte[] claimed(String signature) {
        if (signature == null) {
            throw notSha256(Flaw.MISSING);
        }
        if (!signature.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw notSha256(Flaw.MALFORMED);
        }
        try {
            return HexFormat.of().parseHex(signature.substring(PREFIX.length()).trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw notSha256(Flaw.MALFORMED);
        }
    }

    private static UnauthorizedException notSha256(Flaw flaw) {
        return new UnauthorizedException(flaw, "The " + HEADER + " header is missing or not sha256=<hex>.");
    }

    private static byte[] hmac(String secret, byte[] body) {
        return HmacSha256.of(secret.getBytes(StandardCharsets.UTF_8), body);
    }
}
