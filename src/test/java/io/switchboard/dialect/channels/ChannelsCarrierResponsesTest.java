package io.switchboard.dialect.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.JsonBodies;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class ChannelsCarrierResponsesTest {

    private final ChannelsCarrierResponses responses = new ChannelsCarrierResponses(new JsonBodies(Fixtures.MAPPER, DataSize.ofKilobytes(256)));

    @ParameterizedTest
    @ValueSource(ints = {200, 202})
    void shouldAcceptTheMessageResourceWithItsId(int status) {
        assertThat(responses.interpret(status, "{\"id\":\"5f3e\",\"status\":\"accepted\"}"))
                .isEqualTo(CarrierOutcome.accepted("5f3e"));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503})
    void shouldRetryAPassingFailure(int status) {
        assertThat(responses.interpret(status, "{\"code\":\"x\"}").verdict()).isEqualTo(CarrierOutcome.Verdict.RETRY);
    }

    @Test
    void shouldRetryAnAcceptanceWithoutAnId() {
        assertThat(responses.interpret(202, "").verdict()).isEqualTo(CarrierOutcome.Verdict.RETRY);
    }

    @Test
    void shouldRefuseWithTheApisReasonAndDetails() {
        assertThat(responses.interpret(422, """
                {"code":"InvalidPayload","message":"The request did not pass validation",
                 "details":[{"field":"body.type","message":"the channel does not support image messages"}]}"""))
                .isEqualTo(CarrierOutcome.refused("The request did not pass validation; body.type: the channel "
                        + "does not support image messages"));
        assertThat(responses.interpret(409, "{\"code\":\"Conflict\"}")).isEqualTo(CarrierOutcome.refused("Conflict"));
        assertThat(responses.interpret(401, "not json")).isEqualTo(CarrierOutcome.refused("HTTP 401"));
    }
}
