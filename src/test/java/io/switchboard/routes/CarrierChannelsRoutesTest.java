package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.camel.Variables;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.dialect.channels.CanonicalToChannelsMessage;
import io.switchboard.dialect.channels.ChannelCapabilities;
import io.switchboard.dialect.channels.ChannelsCarrierResponses;
import io.switchboard.dialect.channels.ChannelsChannel;
import io.switchboard.dialect.channels.ChannelsPaths;
import io.switchboard.model.Message;
import io.switchboard.testing.CarrierAccounts;
import io.switchboard.testing.CarrierRouteFileTest;
import io.switchboard.testing.Fixtures;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Transformer;
import org.junit.jupiter.api.Test;

/**
 * routes/carrier-channels.camel.yaml alone: carrier-channels fits an MMS to the carrier's channel (as an SMS with links
 * where the channel has no MMS), writes the Channels request with the leg's id as its reference and sets the
 * channel's messages endpoint, and channels-carrier-post sends it with the access key and reads the answer into
 * {@code outcome}; channels-channel-lookup asks the carrier for its channel. The carrier's send and its channel lookup
 * are mocks answering as Bird does; the channel capabilities bean is real, with a scripted reader of the channel in
 * place of the lookup it makes in the hub; the transformer, the paths and the responses bean are real.
 */
class CarrierChannelsRoutesTest extends CarrierRouteFileTest {

    private static final CarrierConnector CHANNELS = CarrierAccounts.carriers(CarrierAccounts.channels(
            "bird", "bird-access-key", "ws-1", "ch-1", "bird-signing-key")).byId("bird");
    private static final String ACCEPTED_ANSWER = "{\"id\":\"5f3e2c1a\",\"status\":\"accepted\"}";

    private final ScriptedChannel channel = new ScriptedChannel();

    @Override
    protected String dialect() {
        return "channels";
    }

    @Override
    protected Transformer[] transformers() {
        return new Transformer[] {new CanonicalToChannelsMessage()};
    }

    @Override
    protected Map<String, Object> beans() {
        return Map.of("channelCapabilities", new ChannelCapabilities(channel, Clock.fixed(ACCEPTED, ZoneOffset.UTC)),
                "channelsPaths", new ChannelsPaths(), "channelsCarrierResponses",
                new ChannelsCarrierResponses(jsonBodies));
    }

    @Override
    protected void advise() throws Exception {
        super.advise();
        AdviceWith.adviceWith(context, "channels-channel-lookup",
                route -> route.weaveById("channels-lookup-send").replace().to("mock:channel-lookup"));
    }

    @Test
    void shouldPostTheRequestWithTheLegAsReferenceAndTheAccessKeyToTheChannelsMessages() {
        Message sms = canonical("sms");
        carrierAnswers(202, ACCEPTED_ANSWER);

        send(CHANNELS, firstLeg(sms, CHANNELS), sms);

        Exchange request = request();
        assertThat(json(request)).isEqualTo(Fixtures.golden("channels/sms.json"));
        assertJsonPost(request, "Authorization", "AccessKey bird-access-key");
        assertThat(endpoint(request))
                .isEqualTo("carrier-http:https://api.bird.example/workspaces/ws-1/channels/ch-1/messages");
        assertThat(channel.lookups).as("an SMS needs no lookup").isZero();
    }

    @Test
    void shouldSendAnMmsAsItIsThroughAChannelWithMms() {
        Message mms = canonical("mms-images");
        channel.resource = Fixtures.read("channels/channel-example-path-active.json", ChannelsChannel.class);
        carrierAnswers(202, ACCEPTED_ANSWER);

        send(CHANNELS, firstLeg(mms, CHANNELS), mms);

        assertThat(json(request())).isEqualTo(Fixtures.golden("channels/mms-images.json"));
        assertThat(channel.lookups).isOne();
    }

    @Test
    void shouldSendAnMmsAsAnSmsWithLinksThroughAChannelWithoutMms() {
        Message mms = canonical("mms-images");
        channel.resource = Fixtures.read("channels/channel-mms-inactive.json", ChannelsChannel.class);
        carrierAnswers(202, ACCEPTED_ANSWER);

        send(CHANNELS, firstLeg(mms, CHANNELS), mms);

        ObjectNode expected = (ObjectNode) Fixtures.golden("channels/mms-images.json");
        expected.set("body", Fixtures.toTree(Map.of("type", "text", "text", Map.of("text",
                "Order 1042\nYour order has shipped\nhttps://example.com/parcel.jpg\nhttps://example.com/route.png"))));
        assertThat(json(request())).isEqualTo(expected);
    }

    @Test
    void shouldTakeTheMessageIdFromAnAcceptingAnswer() {
        CarrierOutcome outcome = outcomeOf(canonical("sms"), CHANNELS, 202, ACCEPTED_ANSWER);

        assertThat(outcome).isEqualTo(CarrierOutcome.accepted("5f3e2c1a"));
    }

    @Test
    void shouldRefuseTheLegWithTheApisExplanation() {
        CarrierOutcome outcome = outcomeOf(canonical("sms"), CHANNELS, 422, """
                {"code":"InvalidPayload","message":"Invalid payload",
                 "details":[{"field":"receiver","message":"is not a valid phone number"}]}""");

        assertThat(outcome).isEqualTo(
                CarrierOutcome.refused("Invalid payload; receiver: is not a valid phone number"));
    }

    @Test
    void shouldLookUpTheChannelWithTheAccessKeyAndForgetTheKeyAfterwards() throws Exception {
        String resource = answer("channels/channel-example-path-active.json");
        MockEndpoint lookup = getMockEndpoint("mock:channel-lookup");
        lookup.whenAnyExchangeReceived(exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            exchange.getMessage().setBody(resource);
        });
        lookup.expectedMessageCount(1);
        lookup.expectedHeaderReceived("Authorization", "AccessKey bird-access-key");
        lookup.expectedHeaderReceived("Accept", "application/json");
        lookup.expectedHeaderReceived(Exchange.HTTP_METHOD, "GET");

        Exchange answer = template.request("direct:channels-channel-lookup",
                exchange -> exchange.setVariable(Variables.CARRIER, CHANNELS));

        lookup.assertIsSatisfied();
        assertThat(lookup.getReceivedExchanges().get(0).getVariable("channelsEndpoint", String.class))
                .startsWith("carrier-http:https://api.bird.example/workspaces/ws-1/channels/ch-1?");
        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(answer.getMessage().getBody(String.class)).isEqualTo(resource);
        assertThat(answer.getMessage().getHeaders()).doesNotContainKey("Authorization");
    }

    /** The carrier's channel resource, as the test says, counting how often it was read. */
    public static class ScriptedChannel implements ChannelCapabilities.ChannelReader {
        ChannelsChannel resource;
        int lookups;

        @Override
        public Optional<ChannelsChannel> read(CarrierConnector carrier) {
            lookups++;
            return Optional.ofNullable(resource);
        }
    }
}
