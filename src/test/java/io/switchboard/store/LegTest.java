package io.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.model.Channel;
import org.junit.jupiter.api.Test;

class LegTest {

    @Test
    void shouldCarryOnFromTheCarriersRecordedAcceptance() {
        assertThat(leg(Leg.LegStatus.ACCEPTED, "carrier-42", null).recordedAnswer())
                .isEqualTo(new CarrierOutcome(CarrierOutcome.Verdict.ACCEPTED, "carrier-42", null));
    }

    @Test
    void shouldCarryOnFromTheCarriersRecordedRefusal() {
        assertThat(leg(Leg.LegStatus.REFUSED, null, "not RCS-capable").recordedAnswer())
                .isEqualTo(new CarrierOutcome(CarrierOutcome.Verdict.REFUSED, null, "not RCS-capable"));
    }

    @Test
    void shouldHaveNoRecordedAnswerWhileTheCarriersAnswerIsOutstanding() {
        for (Leg.LegStatus open : new Leg.LegStatus[] {Leg.LegStatus.DISPATCHING, Leg.LegStatus.RETRYING}) {
            assertThatThrownBy(() -> leg(open, null, null).recordedAnswer())
                    .isInstanceOf(IllegalStateException.class).hasMessage("Leg msg_1-1 has no answer yet");
        }
    }

    private static Leg leg(Leg.LegStatus status, String carrierMessageId, String reason) {
        return new Leg("msg_1-1", "msg_1", "acme", 1, Channel.RCS, "sandbox-v5", carrierMessageId, status, reason,
                null, null);
    }
}
