package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.NotFoundException;
import io.switchboard.camel.DataTypeSteps;
import io.switchboard.dialect.pinnacle.MmsParts;
import io.switchboard.dialect.pinnacle.PinnacleEstimates;
import io.switchboard.dialect.pinnacle.PinnacleMessages;
import io.switchboard.dialect.pinnacle.PinnacleMmsToCanonical;
import io.switchboard.dialect.pinnacle.PinnacleRcsToCanonical;
import io.switchboard.dialect.pinnacle.PinnacleRequests;
import io.switchboard.dialect.pinnacle.PinnacleResponses;
import io.switchboard.dialect.pinnacle.PinnacleSmsToCanonical;
import io.switchboard.dialect.pinnacle.PinnacleValidator;
import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.model.Message;
import io.switchboard.model.MmsContent;
import io.switchboard.net.TargetGuard;
import io.switchboard.pricing.Prices;
import io.switchboard.testing.AcceptStandIn;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.RouteFileTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.jms.UncategorizedJmsException;

/**
 * routes/ingress-pinnacle.camel.yaml alone, its direct: routes (the REST part needs a web server): the SMS and RCS
 * sends (one template), the MMS send that accepts each part on its own, the three validations (one template) that
 * answer estimates and accept nothing, and the message lookup; each admitted by PINNACLE-API-KEY, refusals in
 * Pinnacle's shapes. The shared accept route is a mock and the message lookup is scripted; admission, reading,
 * validation, translation, estimates and answers are the hub's own beans, at the configured prices.
 */
class IngressPinnacleRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String API_KEY = ExampleMessages.Credentials.DEMO.pinnacleApiKey();

    private final Prices prices = configuration("switchboard.pricing", Prices.class);
    private final ScriptedMessages messages = new ScriptedMessages();

    @Override
    protected String routeFile() {
        return "ingress-pinnacle.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        TargetGuard guard = new TargetGuard(false);
        return apiPolicyBeans().with(Map.of("pinnacleRequests", new PinnacleRequests(jsonBodies()),
                "pinnacleValidator", new PinnacleValidator(Clock.fixed(NOW, ZoneOffset.UTC), guard),
                "dataTypes", new DataTypeSteps(), "pinnacleResponses", new PinnacleResponses(prices),
                "pinnacleMmsParts", new MmsParts(), "pinnacleEstimates", new PinnacleEstimates(prices, guard),
                "pinnacleMessages", messages));
    }

    @Override
    protected void advise() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        registerTransformers(new PinnacleSmsToCanonical(clock), new PinnacleRcsToCanonical(clock),
                new PinnacleMmsToCanonical(clock));
        // a templated route's step ids take their prefix only once the route is made, after the advice
        for (String send : List.of("pinnacle-send-sms", "pinnacle-send-rcs", "pinnacle-send-mms")) {
            AdviceWith.adviceWith(context, send,
                    route -> route.weaveByToUri("direct:accept-message").replace().to("mock:accept-message"));
        }
    }

    @Test
    void shouldAcceptAnSmsAndAnswerWithItsIdSegmentsAndCost() throws Exception {
        ObjectNode send = (ObjectNode) Fixtures.tree("pinnacle/send-sms.json");
        send.remove("options");

        Sent sent = sendAcceptedOnce("direct:pinnacle-send-sms", send, Channel.SMS);

        ObjectNode expected = (ObjectNode) Fixtures.tree("pinnacle/sent-sms.json");
        expected.put("messageId", sent.accepted().id()).put("totalCost", prices.smsSegment().gsm7());
        assertThat(json(sent.answer())).isEqualTo(asWritten(expected));
    }

    @Test
    void shouldAcceptAnRcsMessageAndAnswerWithItsIdAndCost() throws Exception {
        Sent sent = sendAcceptedOnce("direct:pinnacle-send-rcs", Fixtures.tree("pinnacle/send-rcs-text.json"),
                Channel.RCS);

        ObjectNode expected = (ObjectNode) Fixtures.tree("pinnacle/sent-rcs.json");
        expected.put("messageId", sent.accepted().id()).put("totalCost", prices.rcsMessage());
        assertThat(json(sent.answer())).isEqualTo(asWritten(expected));
    }

    @Test
    void shouldAcceptEachPartOfAnMmsOnItsOwnAndListEveryId() throws Exception {
        MockEndpoint accept = AcceptStandIn.recording(getMockEndpoint("mock:accept-message"));
        accept.expectedMessageCount(2);

        Exchange answer = post("direct:pinnacle-send-mms", bytes(mmsWithFiles(11)), "PINNACLE-API-KEY", API_KEY);

        accept.assertIsSatisfied();
        List<Message> parts = accept.getReceivedExchanges().stream()
                .map(exchange -> exchange.getMessage().getBody(Message.class)).toList();
        assertThat(parts).map(part -> ((MmsContent) part.content()).mediaUrls().size()).containsExactly(10, 1);
        JsonNode sent = json(answer);
        assertThat(sent.path("messageIds")).map(JsonNode::asText).containsExactlyElementsOf(
                parts.stream().map(Message::id).toList());
        assertThat(sent.path("segments").asInt()).isEqualTo(2);
        assertThat(sent.path("totalCost").decimalValue())
                .isEqualByComparingTo(prices.mmsMessage().multiply(BigDecimal.valueOf(2)));
    }

    @Test
    void shouldStopAtTheFirstMmsPartTheHubCannotTakeAndAskForARetry() throws Exception {
        MockEndpoint accept = getMockEndpoint("mock:accept-message");
        accept.whenAnyExchangeReceived(exchange -> {
            throw new UncategorizedJmsException("broker away");
        });
        accept.expectedMessageCount(1);

        Exchange answer = post("direct:pinnacle-send-mms", bytes(mmsWithFiles(11)), "PINNACLE-API-KEY", API_KEY);

        assertThat(status(answer)).isEqualTo(503);
        assertThat(answer.getMessage().getHeader("Retry-After", String.class)).isEqualTo("5");
        assertThat(json(answer).path("error").asText()).startsWith("The hub cannot reach its message broker");
        accept.assertIsSatisfied();
    }

    @Test
    void shouldRefuseAnInvalidSendInZodShapeAndAcceptNothing() throws Exception {
        getMockEndpoint("mock:accept-message").expectedMessageCount(0);
        ObjectNode send = (ObjectNode) Fixtures.tree("pinnacle/send-rcs-text.json");
        send.remove("to");

        Exchange answer = post("direct:pinnacle-send-rcs", bytes(send), "PINNACLE-API-KEY", API_KEY);

        assertThat(status(answer)).isEqualTo(400);
        JsonNode refused = json(answer);
        assertThat(refused.path("description").asText()).isNotBlank();
        assertThat(refused.path("errors").path("properties").path("to").path("errors")).isNotEmpty();
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldRefuseASendWithoutAnApiKeyInPinnaclesShape() throws Exception {
        getMockEndpoint("mock:accept-message").expectedMessageCount(0);

        Exchange answer = post("direct:pinnacle-send-sms", Fixtures.bytes("pinnacle/send-sms.json"));

        assertThat(status(answer)).isEqualTo(401);
        assertThat(json(answer)).isEqualTo(Fixtures.MAPPER.createObjectNode()
                .put("error", "Missing PINNACLE-API-KEY header."));
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldEstimateAnSmsInBothAlphabetsAndAcceptNothing() throws Exception {
        getMockEndpoint("mock:accept-message").expectedMessageCount(0);

        Exchange answer = validate("sms", Fixtures.bytes("pinnacle/validate-sms.json"));

        assertThat(json(answer)).isEqualTo(Fixtures.tree("pinnacle/validated-sms.json"));
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldEstimateAnMmsWithoutFetchingItsFiles() {
        Exchange answer = validate("mms", Fixtures.bytes("pinnacle/validate-mms.json"));

        ObjectNode expected = (ObjectNode) Fixtures.tree("pinnacle/validated-mms.json");
        // the hub never fetches media, so it does not know the 123456 bytes of Pinnacle's example
        ((ObjectNode) expected.path("segments").path("value").get(0)).put("size", 0);
        assertThat(json(answer)).isEqualTo(expected);
    }

    @Test
    void shouldEstimateTheContentOfAWholeRcsSendRequest() {
        Exchange answer = validate("rcs", Fixtures.bytes("pinnacle/validate-rcs-text.json"));

        assertThat(json(answer)).isEqualTo(Fixtures.tree("pinnacle/validated-rcs.json"));
    }

    @Test
    void shouldRefuseContentItWouldNotSendWhenValidating() {
        Exchange answer = validate("sms", "{\"text\": \"\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(status(answer)).isEqualTo(400);
        assertThat(json(answer).path("errors").path("properties").path("text").path("errors")).isNotEmpty();
    }

    @Test
    void shouldAnswerTheCallersMessageInPinnaclesShape() throws Exception {
        messages.found = new PinnacleMessages.PinnacleMessage("msg_1234567890", "SMS", "API", "PENDING",
                "+14155164736", "+14154746461", Map.of("text", "Hey!"), 1, new BigDecimal("0.01"), null, null, null);

        Exchange answer = messageLookup("msg_1234567890");

        assertThat(messages.asked).containsExactly("demo msg_1234567890");
        assertThat(json(answer)).isEqualTo(asWritten(messages.found));
    }

    @Test
    void shouldAnswerNotFoundForAMessageTheTenantDoesNotHave() {
        Exchange answer = messageLookup("msg_9");

        assertThat(status(answer)).isEqualTo(404);
        assertThat(json(answer).path("error").asText()).isEqualTo("No message msg_9 was found.");
    }

    /** A send's answer and the one message it accepted. */
    private record Sent(Exchange answer, Message accepted) {
    }

    /** Sends the request and asserts it was accepted once, on this channel, for the caller's tenant. */
    private Sent sendAcceptedOnce(String uri, JsonNode request, Channel channel) throws Exception {
        MockEndpoint accept = AcceptStandIn.recording(getMockEndpoint("mock:accept-message"));
        accept.expectedMessageCount(1);

        Exchange answer = post(uri, bytes(request), "PINNACLE-API-KEY", API_KEY);

        accept.assertIsSatisfied();
        assertThat(answer.getException()).isNull();
        // no status set: HTTP's 200
        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isNull();
        Message accepted = accept.getReceivedExchanges().get(0).getMessage().getBody(Message.class);
        assertThat(accepted.tenantId()).isEqualTo("demo");
        assertThat(accepted.sourceDialect()).isEqualTo(Dialect.PINNACLE);
        assertThat(accepted.channel()).isEqualTo(channel);
        return new Sent(answer, accepted);
    }

    private Exchange validate(String channel, byte[] body) {
        return post("direct:pinnacle-validate-" + channel, body, "PINNACLE-API-KEY", API_KEY);
    }

    private Exchange messageLookup(String id) {
        return template.send("direct:pinnacle-get-message", exchange -> {
            exchange.getMessage().setHeader("PINNACLE-API-KEY", API_KEY);
            exchange.getMessage().setHeader("id", id);
        });
    }

    private static ObjectNode mmsWithFiles(int files) {
        ObjectNode send = (ObjectNode) Fixtures.tree("pinnacle/send-mms.json");
        send.putArray("mediaUrls").addAll(IntStream.range(0, files)
                .mapToObj(i -> Fixtures.MAPPER.getNodeFactory().textNode("https://example.com/" + i + ".jpg"))
                .toList());
        ((ObjectNode) send.path("options")).remove("schedule");
        return send;
    }

    private static byte[] bytes(JsonNode json) throws Exception {
        return Fixtures.MAPPER.writeValueAsBytes(json);
    }

    /** As JSON read back, so that numbers compare as the answer's do (a price is a BigDecimal until written). */
    private static JsonNode asWritten(Object value) throws Exception {
        return Fixtures.MAPPER.readTree(Fixtures.MAPPER.writeValueAsBytes(value));
    }

    /** The message lookup: the message the test gives, or none, noting who asked for which. */
    public static class ScriptedMessages {
        final List<String> asked = new ArrayList<>();
        PinnacleMessages.PinnacleMessage found;

        public PinnacleMessages.PinnacleMessage get(String tenantId, String messageId) {
            asked.add(tenantId + " " + messageId);
            if (found == null) {
                throw new NotFoundException("No message " + messageId + " was found.");
            }
            return found;
        }
    }
}
