package io.switchboard.dialect.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.api.UnauthorizedException;
import io.switchboard.carrier.CarrierProperties;
import io.switchboard.carrier.Carriers;
import io.switchboard.model.Dialect;
import io.switchboard.net.HubAddress;
import io.switchboard.testing.DialectModulesForTests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class V1SignaturesTest {

    private static final byte[] BODY = "{\"id\":\"evt_1\",\"event\":\"message.delivered\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static CarrierProperties.CarrierConfig v1(String id, String secret) {
        return new CarrierProperties.CarrierConfig(id, null, Dialect.V1, "https://api.arowana.example", null, null, "key",
                null, null, null, secret, null, null, null, null, null, null);
    }

    private final V1Signatures signatures;

    V1SignaturesTest() {
        CarrierProperties properties = new CarrierProperties(List.of(v1("arowana-a", "secret-a"),
                v1("arowana-b", "secret-b")));
        signatures = new V1Signatures(new Carriers(properties, new HubAddress("https://hub.example"),
                DialectModulesForTests.carrierSides()));
    }

    @Test
    void shouldSignAsTheVendorDescribesHexHmacSha256OfTheRawBody() {
        // the widely published HMAC-SHA256 example: key "key", the quick brown fox
        assertThat(V1Signatures.sign("key", "The quick brown fox jumps over the lazy dog"
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void shouldNameTheCarrierWhoseSecretSignedTheBody() {
        assertThat(signatures.signer(V1Signatures.sign("secret-b", BODY), BODY).id()).isEqualTo("arowana-b");
        assertThat(signatures.signer(V1Signatures.sign("secret-a", BODY).toUpperCase(Locale.ROOT), BODY).id())
                .isEqualTo("arowana-a");
    }

    @Test
    void shouldRefuseMissingMalformedForgedAndReplayedOnAnotherBodySignatures() {
        String valid = V1Signatures.sign("secret-a", BODY);
        byte[] otherBody = "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8);

        for (String signature : new String[] {null, "", "sha256=", "sha256=zz", valid.substring(7),
            "sha1=" + valid.substring(7), V1Signatures.sign("another-secret", BODY)}) {
            assertThatThrownBy(() -> signatures.signer(signature, BODY)).as(String.valueOf(signature))
                    .isInstanceOf(UnauthorizedException.class);
        }
        assertThatThrownBy(() -> signatures.signer(valid, otherBody)).isInstanceOf(UnauthorizedException.class);
    }
}
