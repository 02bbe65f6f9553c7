package io.switchboard.dialect.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.UnauthorizedException;
import io.switchboard.callback.CallbackLegs;
import io.switchboard.callback.CallbackTokens;
import io.switchboard.callback.UnmatchedCallback;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.Carriers;
import io.switchboard.model.Channel;
import io.switchboard.model.Dialect;
import io.switchboard.net.HubAddress;
import io.switchboard.store.Leg;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.KnownLegs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelsNotificationsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String URL = "https://hub.example/callbacks/channels";
    private static final byte[] BODY = """
            {"service":"channels","event":"sms.outbound","payload":{"id":"m-1","status":"delivered"}}"""
            .getBytes(StandardCharsets.UTF_8);
    private static final CarrierConnector US = carrier("channels-us", "ch-us", "us-signing-key");
    private static final CarrierConnector EU = carrier("channels-eu", "ch-eu", "eu-signing-key");
    private static final Leg LEG = new Leg("msg_a-1", "msg_a", "demo", 1, Channel.SMS, "channels-us", "m-1",
            Leg.LegStatus.ACCEPTED, null, null, null);
    private static final Leg UNANSWERED = new Leg("msg_a-1", "msg_a", "demo", 1, Channel.SMS, "channels-us", null,
            Leg.LegStatus.DISPATCHING, null, null, null);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final Carriers carriers = mock(Carriers.class);
    private final KnownLegs known = new KnownLegs();
    private final ChannelsNotifications notifications = new ChannelsNotifications(carriers,
            new CallbackLegs(new CallbackTokens("a-test-secret-that-is-long-enough-0123456789"), known, CLOCK),
            new HubAddress("https://hub.example"), CLOCK, Duration.ofHours(9));

    ChannelsNotificationsTest() {
        when(carriers.ofDialect(Dialect.CHANNELS)).thenReturn(List.of(US, EU));
    }

    private static CarrierConnector carrier(String id, String channelId, String key) {
        return new CarrierConnector(id, Dialect.CHANNELS, ChannelsModule.CARRIER_SIDE.capabilities(),
                "http://127.0.0.1:1", "AccessKey k", "ws", channelId, key,
                null, null, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMinutes(10));
    }

    private static String seconds(Instant at) {
        return String.valueOf(at.getEpochSecond());
    }

    @Test
    void shouldNameTheCarrierWhoseKeySignedTheRequest() {
        String timestamp = seconds(NOW.minusSeconds(30));
        String signature = ChannelsSignature.sign("eu-signing-key", timestamp, URL, BODY);

        assertThat(notifications.signers(signature, timestamp, null, BODY)).containsExactly(EU);
    }

    @Test
    void shouldAcceptARetryBirdSendsHoursLaterWithItsFirstTimestamp() {
        String timestamp = seconds(NOW.minus(Duration.ofHours(4)));

        assertThat(notifications.signers(ChannelsSignature.sign("us-signing-key", timestamp, URL, BODY), timestamp,
                null, BODY)).containsExactly(US);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"another key", "another body", "another url", "stale", "future", "not base64",
        "no timestamp"})
    void shouldRefuse(String wrong) {
        String timestamp = seconds(switch (wrong) {
            case "stale" -> NOW.minus(Duration.ofHours(10));
            case "future" -> NOW.plus(Duration.ofMinutes(10));
            default -> NOW;
        });
        String signature = ChannelsSignature.sign(wrong.equals("another key") ? "guessed-key" : "us-signing-key",
                timestamp, wrong.equals("another url") ? "https://evil.example/callbacks/channels" : URL, BODY);
        byte[] body = wrong.equals("another body") ? "{}".getBytes(StandardCharsets.UTF_8) : BODY;

        assertThatThrownBy(() -> notifications.signers(wrong.equals("not base64") ? "%%%" : signature,
                wrong.equals("no timestamp") ? null : timestamp, null, body))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void shouldSignTheQueryStringWithTheUrl() {
        String timestamp = seconds(NOW);
        String signature = ChannelsSignature.sign("us-signing-key", timestamp, URL + "?source=bird", BODY);

        assertThat(notifications.signers(signature, timestamp, "source=bird", BODY)).containsExactly(US);
        assertThatThrownBy(() -> notifications.signers(signature, timestamp, null, BODY))
                .isInstanceOf(UnauthorizedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"service\":\"channels\",\"event\":\"sms.outbound\",\"payload\":{\"id\":\"m-1\",\"status\":\"sent\"}}",
        "{\"message\":{\"id\":\"m-1\",\"status\":\"sent\"}}",
        "{\"data\":{\"message\":{\"id\":\"m-1\",\"status\":\"sent\"}}}",
        "{\"id\":\"m-1\",\"status\":\"sent\",\"direction\":\"outgoing\"}"})
    void shouldFindTheMessageResourceInAnyEnvelope(String json) throws Exception {
        JsonNode message = notifications.messageOf(Fixtures.MAPPER.readTree(json));

        assertThat(message.path("id").asText()).isEqualTo("m-1");
        assertThat(message.path("status").asText()).isEqualTo("sent");
    }

    @Test
    void shouldFindNoMessageInANotificationAboutSomethingElse() throws Exception {
        assertThat(notifications.messageOf(Fixtures.MAPPER.readTree(
                "{\"service\":\"channels\",\"event\":\"channel.updated\",\"payload\":{\"id\":\"ch-us\"}}"))).isNull();
    }

    @Test
    void shouldFindTheLegByTheCarrierMessageIdOfTheChannelItNames() {
        known.sent(LEG);

        assertThat(notifications.leg(List.of(US, EU), Fixtures.parse(
                "{\"id\":\"m-1\",\"status\":\"sent\",\"channelId\":\"ch-us\"}"))).isEqualTo(LEG);
    }

    @Test
    void shouldFallBackToTheReferenceWhenTheCarrierIdIsNotStoredYet() {
        known.sent(UNANSWERED);

        assertThat(notifications.leg(List.of(US), Fixtures.parse(
                "{\"id\":\"m-1\",\"status\":\"sent\",\"reference\":\"msg_a-1\"}"))).isEqualTo(UNANSWERED);
    }

    @Test
    void shouldNotTakeAReferenceToALegOfAnotherCarrier() {
        known.sent(UNANSWERED);

        assertThat(notifications.leg(List.of(EU), Fixtures.parse(
                "{\"id\":\"m-1\",\"status\":\"sent\",\"reference\":\"msg_a-1\"}"))).isNull();
    }

    @Test
    void shouldParkOnlyAnUnknownMessageWhoseReferenceIsALegIdOfItsSigners() {
        JsonNode ofTheHub = Fixtures.parse("{\"id\":\"m-9\",\"status\":\"sent\",\"reference\":\"msg_b-1\"}");
        List<JsonNode> notTheHubs = List.of(
                Fixtures.parse("{\"id\":\"m-9\",\"status\":\"sent\",\"reference\":\"order-77\"}"),
                Fixtures.parse("{\"id\":\"m-9\",\"status\":\"sent\"}"),
                Fixtures.parse("{\"id\":\"m-9\",\"status\":\"sent\",\"reference\":\"msg_b-1\","
                        + "\"channelId\":\"ch-elsewhere\"}"));

        assertThat(notifications.leg(List.of(US, EU), ofTheHub)).isNull();
        assertThat(notifications.unmatched(List.of(US, EU), ofTheHub)).isEqualTo(new UnmatchedCallback(
                Dialect.CHANNELS, List.of("channels-us", "channels-eu"), "m-9", "msg_b-1", ofTheHub, NOW));
        for (JsonNode message : notTheHubs) {
            assertThat(notifications.leg(List.of(US, EU), message)).isNull();
            assertThat(notifications.unmatched(List.of(US, EU), message)).as(message.toString()).isNull();
        }
    }
}
