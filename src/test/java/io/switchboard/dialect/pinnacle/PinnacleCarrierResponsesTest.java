package io.switchboard.dialect.pinnacle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.JsonBodies;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class PinnacleCarrierResponsesTest {

    private final PinnacleCarrierResponses responses =
            new PinnacleCarrierResponses(new JsonBodies(Fixtures.MAPPER, DataSize.ofKilobytes(256)));

    @ParameterizedTest
    @ValueSource(strings = {"sent-sms.json", "sent-rcs.json"})
    void shouldAcceptTheSdksAnswersWithTheirMessageId(String answer) {
        String body = new String(Fixtures.bytes("pinnacle/" + answer));
        String id = Fixtures.tree("pinnacle/" + answer).path("messageId").asText();

        assertThat(id).startsWith("msg_");
        assertThat(responses.interpret(200, body)).isEqualTo(CarrierOutcome.accepted(id));
    }

    @Test
    void shouldAcceptAnMmsAnswerWithItsFirstMessageId() {
        String body = new String(Fixtures.bytes("pinnacle/sent-mms.json"));
        String first = Fixtures.tree("pinnacle/sent-mms.json").path("messageIds").path(0).asText();

        assertThat(first).startsWith("msg_");
        assertThat(responses.interpret(200, body)).isEqualTo(CarrierOutcome.accepted(first));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 503})
    void shouldRetryPassingFailuresWithTheCarriersWords(int status) {
        assertThat(responses.interpret(status, "{\"error\":\"Error: Timeout occurred\"}"))
                .isEqualTo(CarrierOutcome.retryLater("Error: Timeout occurred"));
    }

    @Test
    void shouldRefuseWithTheErrorTextOrTheZodDescriptionAndEveryFieldMessage() {
        ObjectNode zod = Fixtures.MAPPER.createObjectNode().put("description", "Invalid request");
        zod.set("errors", Fixtures.tree("pinnacle/zod-errors.json"));

        CarrierOutcome invalid = responses.interpret(400, zod.toString());

        assertThat(invalid).isEqualTo(CarrierOutcome.refused("Invalid request; must have exactly one of text, media"
                + " or cards; from is required; cards must have 1 to 10 cards; cards.1.buttons.0.payload must be an"
                + " http or https URL; cards.1.title is required; options.schedule.sendAt is required;"
                + " options.schedule.sendAt must be at least 5 minutes in the future"));
        assertThat(responses.interpret(400, """
                {"description":"Invalid request","errors":{"errors":[],"properties":{"cards":{"errors":[],
                 "items":[null,{"errors":[],"properties":{"title":{"errors":["is required"]}}}]}}}}"""))
                .isEqualTo(CarrierOutcome.refused("Invalid request; cards.1.title is required"));
        assertThat(responses.interpret(402, "{\"error\":\"Insufficient balance\"}"))
                .isEqualTo(CarrierOutcome.refused("Insufficient balance"));
        assertThat(responses.interpret(404, "")).isEqualTo(CarrierOutcome.refused("HTTP 404"));
    }
}
