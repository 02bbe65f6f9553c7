package io.switchboard.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarrierErrorReasonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void takesTheFirstHeadlineFieldWithTextThenTheDetails() throws Exception {
        JsonNode body = mapper.readTree("""
                {"message": "", "code": "invalid_request",
                 "details": [{"field": "to", "message": "is not a number"}, {"message": "too long"}, {"field": "x"}]}
                """);

        String reason = CarrierErrorReason.of(400, body, List.of("message", "code"),
                CarrierErrorReason.fieldMessages(body.path("details"), ": "));

        assertThat(reason).isEqualTo("invalid_request; to: is not a number; too long");
    }

    @Test
    void namesTheStatusWhenTheBodySaysNothing() {
        String reason = CarrierErrorReason.of(502, mapper.missingNode(), List.of("message"),
                CarrierErrorReason.messages(mapper.missingNode()));

        assertThat(reason).isEqualTo("HTTP 502");
    }

    @Test
    void messagesLeaveTheFieldsOut() throws Exception {
        JsonNode details = mapper.readTree("""
                [{"field": "messageText", "message": "'messageText' is required"}]
                """);

        assertThat(CarrierErrorReason.messages(details)).containsExactly("'messageText' is required");
    }
}
