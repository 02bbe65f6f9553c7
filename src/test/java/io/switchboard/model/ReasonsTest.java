package io.switchboard.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReasonsTest {

    @Test
    void shouldKeepAReasonThatFits() {
        assertThat(Reasons.bounded(null)).isNull();
        assertThat(Reasons.bounded("x".repeat(Reasons.MAX_LENGTH))).isEqualTo("x".repeat(Reasons.MAX_LENGTH));
    }

    @Test
    void shouldCutALongerReasonAndSaySo() {
        assertThat(Reasons.bounded("x".repeat(Reasons.MAX_LENGTH + 1)))
                .isEqualTo("x".repeat(Reasons.MAX_LENGTH - 1) + "…");
    }

    @Test
    void shouldNotCutACharacterInHalf() {
        String emoji = "\uD83D\uDCE3";
        String reason = "x".repeat(Reasons.MAX_LENGTH - 2) + emoji + "tail";

        assertThat(Reasons.bounded(reason)).isEqualTo("x".repeat(Reasons.MAX_LENGTH - 2) + "…")
                .hasSize(Reasons.MAX_LENGTH - 1);
    }

    @Test
    void shouldBoundEveryEventsReason() {
        DeliveryEvent event = new DeliveryEvent("evt_1", EventType.FAILED, null, "msg_1", "demo", "c", null,
                Channel.RCS, "y".repeat(5000), null);

        assertThat(event.reason()).hasSize(Reasons.MAX_LENGTH);
    }
}
