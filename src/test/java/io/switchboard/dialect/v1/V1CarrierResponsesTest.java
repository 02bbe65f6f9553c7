package io.switchboard.dialect.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.JsonBodies;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.model.Channel;
import io.switchboard.store.Leg;
import io.switchboard.testing.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class V1CarrierResponsesTest {

    private final V1CarrierResponses responses =
            new V1CarrierResponses(new JsonBodies(Fixtures.MAPPER, DataSize.ofKilobytes(256)));

    private static Leg leg(String messageId, int number) {
        return new Leg(Leg.idOf(messageId, number), messageId, "demo", number, Channel.RCS, "sandbox-v1", null,
                Leg.LegStatus.DISPATCHING, null, null, null);
    }

    @Test
    void shouldAcceptTheSeedsAnswerWithItsMessageId() {
        String answer = """
                {"message_id":"msg_a1b2c3d4","status":"queued","created_at":"2026-03-27T14:30:00Z",
                 "billing":{"channel":"RCS","message_type":"basic_message","hold_amount":0.08}}""";

        assertThat(responses.interpret(200, answer)).isEqualTo(CarrierOutcome.accepted("msg_a1b2c3d4"));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 503})
    void shouldRetryPassingFailuresWithTheCarriersWords(int status) {
        CarrierOutcome outcome = responses.interpret(status,
                "{\"error\":\"rate_limited\",\"message\":\"Slow down\",\"retry_after\":3}");

        assertThat(outcome).isEqualTo(CarrierOutcome.retryLater("Slow down"));
    }

    @Test
    void shouldRetryAnAcceptanceThatNamesNoMessage() {
        assertThat(responses.interpret(200, "not json").verdict()).isEqualTo(CarrierOutcome.Verdict.RETRY);
    }

    @Test
    void shouldRefuseWithTheErrorEnvelopesMessageAndFieldDetails() {
        String answer = """
                {"error":"validation_error","message":"The request is invalid.",
                 "details":[{"field":"content.suggestions[0].reply.text","message":"must be at most 25 characters"}]}""";

        assertThat(responses.interpret(400, answer)).isEqualTo(CarrierOutcome.refused(
                "The request is invalid.; content.suggestions[0].reply.text must be at most 25 characters"));
        assertThat(responses.interpret(402, "{\"error\":\"insufficient_balance\"}"))
                .isEqualTo(CarrierOutcome.refused("insufficient_balance"));
        assertThat(responses.interpret(404, "")).isEqualTo(CarrierOutcome.refused("HTTP 404"));
    }

    @Test
    void shouldGiveEachLegOneStableUuidIdempotencyKey() {
        String key = responses.idempotencyKey(leg("msg_a", 1));

        assertThat(UUID.fromString(key).toString()).isEqualTo(key);
        assertThat(responses.idempotencyKey(leg("msg_a", 1))).isEqualTo(key);
        assertThat(responses.idempotencyKey(leg("msg_a", 2))).isNotEqualTo(key);
        assertThat(responses.idempotencyKey(leg("msg_b", 1))).isNotEqualTo(key);
    }
}
