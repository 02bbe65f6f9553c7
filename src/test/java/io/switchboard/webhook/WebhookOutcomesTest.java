package io.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

class WebhookOutcomesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void shouldReadRetryAfterAsSecondsOrAnHttpDate() {
        assertThat(WebhookOutcomes.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(WebhookOutcomes.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
        assertThat(WebhookOutcomes.retryAfter("Mon, 07 Dec 2026 10:02:30 GMT", NOW))
                .isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void shouldTakeADateAlreadyPastAsNoWaitAndIgnoreWhatItCannotRead() {
        assertThat(WebhookOutcomes.retryAfter("Mon, 07 Dec 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(WebhookOutcomes.retryAfter("soon", NOW)).isNull();
        assertThat(WebhookOutcomes.retryAfter("-5", NOW)).isNull();
        assertThat(WebhookOutcomes.retryAfter((String) null, NOW)).isNull();
    }

    @Test
    void shouldHonourRetryAfterOnlyOnA429OrA503WhateverTheHeadersCase() {
        assertThat(WebhookOutcomes.retryAfter(refusal(503, Map.of("retry-after", "7")), NOW))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(WebhookOutcomes.retryAfter(refusal(429, Map.of("RETRY-AFTER", "7")), NOW))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(WebhookOutcomes.retryAfter(refusal(500, Map.of("Retry-After", "7")), NOW)).isNull();
        assertThat(WebhookOutcomes.retryAfter(refusal(503, Map.of()), NOW)).isNull();
    }

    private static HttpOperationFailedException refusal(int status, Map<String, String> headers) {
        return new HttpOperationFailedException("https://hooks.example/a", status, "refused", null, headers, "");
    }
}
