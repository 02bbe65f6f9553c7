package io.switchboard.dialect.pinnacle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.BodyTooLargeException;
import io.switchboard.api.FieldError;
import io.switchboard.api.FieldPath;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.api.MalformedBodyException;
import io.switchboard.api.NotFoundException;
import io.switchboard.api.UnauthorizedException;
import io.switchboard.model.Message;
import io.switchboard.model.TextContent;
import io.switchboard.pricing.Prices;
import io.switchboard.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The send answers against FORMATS.md §1.6's examples, with the price table set to the examples' prices. */
class PinnacleResponsesTest {

    private static final Instant ACCEPTED = Instant.parse("2024-06-01T12:00:00Z");

    @Test
    void shouldAnswerAnSmsAsPinnacleDoes() {
        PinnacleResponses responses = new PinnacleResponses(prices("10", "1", "0.02", "1.1"));
        Message sms = smsMessage();

        JsonNode sent = json(responses.sms(sms));

        assertThat(sent.path("messageId").asText()).isEqualTo(sms.id());
        assertThat(withoutIds(sent)).isEqualTo(withoutIds(Fixtures.tree("pinnacle/sent-sms.json")));
    }

    @Test
    void shouldCountUtf16SegmentsAtTheirOwnPrice() {
        PinnacleResponses responses = new PinnacleResponses(prices("0.01", "0.02", "0.02", "0.02"));
        Message sms = new PinnacleSmsToCanonical(null).toCanonical(
                new PinnacleWire.SmsSend("+14155164736", "+14154746461", "ж".repeat(71), null), "demo", ACCEPTED);

        JsonNode sent = json(responses.sms(sms));

        assertThat(sent.path("segments").path("count").asInt()).isEqualTo(2);
        assertThat(sent.path("segments").path("encoding").asText()).isEqualTo("utf16");
        assertThat(sent.path("totalCost").decimalValue()).isEqualByComparingTo("0.04");
    }

    @Test
    void shouldAnswerAnMmsSentAsSeveralMessagesWithEveryId() {
        PinnacleResponses responses = new PinnacleResponses(prices("0.01", "0.01", "0.02", "0.02"));
        PinnacleMmsToCanonical mms = new PinnacleMmsToCanonical(null);
        List<Message> parts = new MmsParts().of(new PinnacleWire.MmsSend("+14155164736", "+14154746461", "Look",
                        IntStream.range(0, 12).mapToObj(i -> "https://example.com/" + i + ".jpg")
                                .toList(), new PinnacleWire.MmsOptions(true, null, null, null)))
                .stream().map(part -> mms.toCanonical(part, "demo", ACCEPTED)).toList();

        JsonNode sent = json(responses.mms(parts));

        assertThat(sent.path("messageIds")).extracting(JsonNode::asText)
                .containsExactly(parts.get(0).id(), parts.get(1).id());
        assertThat(withoutIds(sent)).isEqualTo(withoutIds(Fixtures.tree("pinnacle/sent-mms.json")));
    }

    @Test
    void shouldAnswerAnRcsMessageAsPinnacleDoes() {
        PinnacleResponses responses = new PinnacleResponses(prices("0.01", "0.01", "0.02", "1.1"));
        Message rcs = new PinnacleRcsToCanonical(null).toCanonical(
                Fixtures.read("pinnacle/send-rcs-text.json", PinnacleWire.RcsSend.class), "demo", ACCEPTED);

        JsonNode sent = json(responses.rcs(rcs));

        assertThat(sent.path("messageId").asText()).isEqualTo(rcs.id());
        assertThat(withoutIds(sent)).isEqualTo(withoutIds(Fixtures.tree("pinnacle/sent-rcs.json")));
    }

    @Test
    void shouldAnswerAScheduledSendWithItsSchedule() {
        PinnacleResponses responses = new PinnacleResponses(prices("0.01", "0.01", "0.02", "0.02"));
        Message scheduled = new Message("msg_01j0000000000000000000000a", "demo", null, null, "agent_acme",
                "+14154746461", new TextContent("Hi!", List.of()), null, null, null,
                Instant.parse("2024-08-01T09:00:00Z"), Map.of(
                        PinnacleToCanonical.SCHEDULE_TIMEZONE, "UTC",
                        PinnacleToCanonical.SCHEDULE_RECURRENCE, "cron(0 9 * * MON-FRI *)",
                        PinnacleToCanonical.SCHEDULE_END_DATE, "2024-12-31T09:00:00"), ACCEPTED);

        JsonNode answer = json(responses.rcs(scheduled));

        assertThat(answer.path("scheduleId").asText()).isEqualTo(scheduled.id());
        assertThat(withoutIds(answer)).isEqualTo(withoutIds(Fixtures.tree("pinnacle/scheduled.json")));
    }

    @Test
    void shouldShowTheSendTimeInTheScheduleZone() {
        PinnacleResponses responses = new PinnacleResponses(prices("0.01", "0.01", "0.02", "0.02"));
        Message every = new PinnacleRcsToCanonical(null).toCanonical(
                Fixtures.read("pinnacle/send-rcs-every-button.json", PinnacleWire.RcsSend.class), "demo", ACCEPTED);

        JsonNode config = json(responses.rcs(every)).path("config");

        assertThat(config.path("sendAt").asText()).isEqualTo("2030-03-01T09:00:00");
        assertThat(config.path("timezone").asText()).isEqualTo("America/Los_Angeles");
    }

    @Test
    void shouldAnswerFieldErrorsAsAZodErrorAndEverythingElseAsAnErrorText() {
        PinnacleResponses responses = new PinnacleResponses(prices("0.01", "0.01", "0.02", "0.02"));
        InvalidRequestException invalid = new InvalidRequestException(List.of(
                new FieldError(FieldPath.of("to"), "is required"),
                new FieldError(FieldPath.of("quickReplies").index(2).field("title"), "must be at most 25 characters")));
        MalformedBodyException wrongType = new MalformedBodyException(
                new FieldError(FieldPath.of("options").field("validate"), "must be true or false"));

        assertThat(json(responses.error(invalid))).isEqualTo(Fixtures.tree("pinnacle/invalid.json"));
        assertThat(json(responses.error(wrongType)).path("errors").path("properties").path("options")
                .path("properties").path("validate").path("errors").get(0).asText())
                .isEqualTo("must be true or false");
        assertThat(json(responses.error(new UnauthorizedException("Invalid API key."))))
                .isEqualTo(Fixtures.MAPPER.createObjectNode().put("error", "Invalid API key."));
        assertThat(json(responses.error(new NotFoundException("No message msg_x was found."))).path("error").asText())
                .isEqualTo("No message msg_x was found.");
        assertThat(json(responses.error(new BodyTooLargeException(10))).fieldNames()).toIterable()
                .containsExactly("error");
        assertThat(json(responses.internalError()).fieldNames()).toIterable().containsExactly("error");
    }

    static Prices prices(String gsm7, String utf16, String mms, String rcs) {
        return new Prices(new Prices.SmsSegmentPrices(new BigDecimal(gsm7), new BigDecimal(utf16)),
                new BigDecimal(mms), new BigDecimal(rcs));
    }

    private static Message smsMessage() {
        return new PinnacleSmsToCanonical(null).toCanonical(
                new PinnacleWire.SmsSend("+14155164736", "+14154746461", "Hey!", null), "demo", ACCEPTED);
    }

    /** Through JSON text, so numbers compare as the client reads them (0.04, not BigDecimal 0.040). */
    static JsonNode json(Object answer) {
        try {
            return Fixtures.MAPPER.readTree(Fixtures.MAPPER.writeValueAsBytes(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated ids are checked on their own. */
    private static JsonNode withoutIds(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(List.of("messageId", "messageIds", "scheduleId"));
        return copy;
    }
}
