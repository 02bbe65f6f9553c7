package io.switchboard.dialect.pinnacle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.model.Channel;
import io.switchboard.model.EventType;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserMessage;
import io.switchboard.testing.Fixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinnacleCallbackToInboundEventTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final PinnacleCallbackToInboundEvent reader =
            new PinnacleCallbackToInboundEvent(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"MESSAGE.RECEIVED\"}", "{\"type\":\"user.typing\"}",
        "{\"direction\":\"INBOUND\",\"message\":{\"type\":\"SMS\"}}"})
    void shouldTellAUsersEvents(String callback) {
        assertThat(reader.isInbound(Fixtures.parse(callback))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"MESSAGE.STATUS\",\"direction\":\"INBOUND\"}", "{\"type\":\"FORM.SUBMISSION\"}",
        "{\"status\":\"DELIVERED\"}"})
    void shouldTellOtherEvents(String callback) {
        assertThat(reader.isInbound(Fixtures.parse(callback))).isFalse();
    }

    @Test
    void shouldReadFormatsButtonExampleWhoseRawIsTheFullButton() {
        InboundEvent event = reader.toInbound(received("""
                {"type":"RCS_BUTTON_DATA","id":"msg_9","messageId":"msg_123","button":{"type":"QUICK_REPLY",
                 "raw":{"type":"trigger","title":"Yes","payload":"YES"},"payload":"YES","metadata":null,
                 "clicks":1}}"""),
                "pinnacle");

        assertThat(event.message()).isEqualTo(UserMessage.suggestion("Yes", "YES"));
        assertThat(event.inReplyTo()).isEqualTo("msg_123");
        assertThat(event.carrierMessageId()).isEqualTo("msg_9");
    }

    @Test
    void shouldTakeTheTitleWhenPinnacleOnlyKnowsThatOfTheButton() {
        InboundEvent event = reader.toInbound(received("""
                {"type":"RCS_BUTTON_DATA","id":"msg_9",
                 "button":{"type":null,"raw":"Track order","payload":"track"}}"""),
                "pinnacle");

        assertThat(event.message()).isEqualTo(UserMessage.suggestion("Track order", "track"));
    }

    @Test
    void shouldReadPicturesOfAnMmsAndOfRcsMedia() {
        InboundEvent mms = reader.toInbound(received("""
                {"type":"MMS","id":"m1","mediaUrls":["https://media.example/a.jpg","not a url"],"text":"Look"}"""),
                "pinnacle");
        InboundEvent rcs = reader.toInbound(received("""
                {"type":"RCS_MEDIA","id":"m2","media":{"url":"https://media.example/b.png"}}"""), "pinnacle");

        assertThat(mms.channel()).isEqualTo(Channel.MMS);
        assertThat(mms.message()).isEqualTo(UserMessage.media(List.of(URI.create("https://media.example/a.jpg")),
                "Look"));
        assertThat(rcs.channel()).isEqualTo(Channel.RCS);
        assertThat(rcs.message().media()).containsExactly(URI.create("https://media.example/b.png"));
    }

    @Test
    void shouldReadAConversationThatNamesTheAgentFirstTheOtherWayRound() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                {"type":"MESSAGE.RECEIVED","conversation":{"from":"agent_acme","to":"+14154746461"},
                 "message":{"type":"RCS_TEXT","id":"m3","text":"Hi"}}"""), "pinnacle");

        assertThat(event.user()).isEqualTo("+14154746461");
        assertThat(event.agent()).isEqualTo("agent_acme");
        assertThat(event.occurredAt()).as("the time the hub saw it").isEqualTo(NOW);
    }

    @Test
    void shouldReadFormatsTypingExample() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                {"type":"USER.TYPING","startedAt":"2026-01-01T10:00:00Z",
                 "conversation":{"id":"conv_1","from":"+14154746461","to":"agent_acme"}}"""), "pinnacle");

        assertThat(event.type()).isEqualTo(EventType.USER_TYPING);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(event.message()).isNull();
    }

    @Test
    void shouldReadALocationWithoutCoordinatesAsItsText() {
        InboundEvent event = reader.toInbound(received("""
                {"type":"RCS_LOCATION_DATA","id":"m4","data":{"text":"near the station"}}"""), "pinnacle");

        assertThat(event.message()).isEqualTo(UserMessage.text("near the station"));
    }

    @Test
    void shouldRefuseAConversationWithoutAUsersNumber() {
        assertThatThrownBy(() -> reader.toInbound(Fixtures.parse("""
                {"type":"USER.TYPING","conversation":{"from":"agent_a","to":"agent_b"}}"""), "pinnacle"))
                .isInstanceOf(InvalidRequestException.class);
    }

    private static JsonNode received(String message) {
        return Fixtures.parse("""
                {"type":"MESSAGE.RECEIVED","direction":"INBOUND",
                 "conversation":{"id":"conv_1","from":"+14154746461","to":"agent_acme"},"message":%s}"""
                .formatted(message));
    }
}
