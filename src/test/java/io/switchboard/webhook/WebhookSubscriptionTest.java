package io.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import io.switchboard.webhook.WebhookSubscription.RetiringSecret;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final WebhookSubscription ROTATED = new WebhookSubscription("wh_1", "demo",
            URI.create("https://hooks.example/a"), Set.of(EventType.DELIVERED), "whsec_new", Dialect.V1, NOW,
            new RetiringSecret("whsec_old", NOW.plusSeconds(60)), WebhookHealth.ACTIVE);

    @Test
    void shouldSignWithTheNewSecretFirstAndTheReplacedOneUntilItExpires() {
        assertThat(ROTATED.secretsInForce(NOW)).containsExactly("whsec_new", "whsec_old");
        assertThat(ROTATED.secretsInForce(NOW.plusSeconds(59))).containsExactly("whsec_new", "whsec_old");
        assertThat(ROTATED.secretsInForce(NOW.plusSeconds(60))).containsExactly("whsec_new");
    }

    @Test
    void shouldSignWithItsOneSecretWhenNeverRotated() {
        WebhookSubscription fresh = new WebhookSubscription("wh_2", "demo", URI.create("https://hooks.example/b"),
                Set.of(EventType.READ), "whsec_only", Dialect.V1, NOW);

        assertThat(fresh.secretsInForce(NOW)).containsExactly("whsec_only");
        assertThat(fresh.health().state()).isEqualTo(WebhookHealth.State.ACTIVE);
    }

    @Test
    void shouldLeaveBothSecretsOutOfItsText() {
        assertThat(ROTATED.toString()).doesNotContain("whsec_").contains("wh_1", "ACTIVE");
    }
}
