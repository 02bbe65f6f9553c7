package io.switchboard.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SecretMaskingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Tomcat's refused header line | The HTTP header line [pinnacle-api-key :sk_live_x] does not conform to RFC 7230 "
                + "| The HTTP header line [pinnacle-api-key :****] does not conform to RFC 7230",
        "a refused line of any header | The HTTP header line [x-whatever:a\u0001b] does not conform | "
                + "The HTTP header line [x-whatever:****] does not conform",
        "a Bearer key | headers: Authorization: Bearer sk_live_123, Accept: */* | "
                + "headers: Authorization: ****, Accept: */*",
        "a Basic login | authorization=Basic ZGV2OnNrX2Rldl92NQ== | authorization=****",
        "Pinnacle's key | PINNACLE-API-KEY: sk_live_p | PINNACLE-API-KEY: ****",
        "a signature | x-arowana-signature=sha256=abc | x-arowana-signature=****",
        "a callback token in a URL | POST /callbacks/v5?leg=msg_1:1&token=c2VjcmV0 failed | "
                + "POST /callbacks/v5?leg=msg_1:1&token=**** failed",
        "a webhook secret | created wh_1 with whsec_O09AeKxEY4dXeChBsjtVEhK6iPF47Oc0IqBKoIO+11I= | created wh_1 with ****",
        "prose about a header | Send your API key in the Authorization header. | "
                + "Send your API key in the Authorization header."})
    void shouldMaskCredentialsWhateverTheirValue(String what, String line, String masked) {
        assertThat(SecretMasking.mask(line)).isEqualTo(masked);
    }

    @Test
    void shouldMaskEveryConfiguredSecretWhereverItAppears() {
        SecretMasking.register(List.of("configured-secret-value", "short"));

        assertThat(SecretMasking.mask("failed: bad key configured-secret-value (configured-secret-value)"))
                .isEqualTo("failed: bad key **** (****)");
        assertThat(SecretMasking.mask("a short word")).as("too short to mask everywhere").isEqualTo("a short word");
    }

    @Test
    void shouldFindTheSecretsOfTheConfigurationAndTheEnvironment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "switchboard.tenants[0].v1-api-key", "sk_tenant_v1_key",
                "switchboard.tenants[0].v5-username", "tenant",
                "switchboard.tenants[0].v5-password", "${switchboard.v5-password-source}",
                "switchboard.v5-password-source", "resolved-v5-password",
                "switchboard.carriers[0].signing-secret", "pss_signing",
                "SWITCHBOARD_CHANNELS_ACCESS_KEY", "channels-access",
                "switchboard.carriers[0].base-url", "https://not.a.secret")));

        assertThat(ConfiguredSecrets.secrets(environment)).contains("sk_tenant_v1_key", "resolved-v5-password",
                "dGVuYW50OnJlc29sdmVkLXY1LXBhc3N3b3Jk", "pss_signing", "channels-access")
                .doesNotContain("https://not.a.secret", "tenant");
    }
}
