package io.switchboard.dialect.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.model.Channel;
import io.switchboard.model.EventType;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserLocation;
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

class V1CallbackToInboundEventTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final V1CallbackToInboundEvent reader = new V1CallbackToInboundEvent(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"conversation.started", "message.received", "MESSAGE.INBOUND", "user.typing"})
    void shouldTellAUsersEvents(String event) {
        assertThat(reader.isInbound(Fixtures.parse("{\"event\":\"" + event + "\",\"data\":{}}"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"conversation.ended", "message.delivered", "email.opened"})
    void shouldTellOtherEvents(String event) {
        assertThat(reader.isInbound(Fixtures.parse("{\"event\":\"" + event + "\",\"data\":{}}"))).isFalse();
    }

    @Test
    void shouldReadFormatsConversationStartedExample() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                { "id": "evt_g7h8i9", "event": "conversation.started", "timestamp": "2026-03-28T09:01:00Z",
                  "data": { "agent_id": "ag_live_xxxx", "from": "+4917612345678",
                            "session_expires_at": "2026-03-29T09:01:00Z",
                            "user_message": { "type": "suggested_reply", "text": "Track order",
                                              "postback_data": "dHJhY2tfMTIzNA==" } } }"""), "arowana");

        assertThat(event).returns(EventType.RECEIVED, InboundEvent::type)
                .returns(Instant.parse("2026-03-28T09:01:00Z"), InboundEvent::occurredAt)
                .returns("arowana", InboundEvent::carrier).returns("evt_g7h8i9", InboundEvent::carrierMessageId)
                .returns(Channel.RCS, InboundEvent::channel).returns("ag_live_xxxx", InboundEvent::agent)
                .returns("+4917612345678", InboundEvent::user)
                .returns(UserMessage.suggestion("Track order", "track_1234"), InboundEvent::message);
    }

    @Test
    void shouldKeepPostbackDataThatIsNoExactBase64AsSent() {
        InboundEvent event = reader.toInbound(started("""
                {"type":"suggested_action","text":"Yes","postback_data":"YES"}"""), "arowana");

        assertThat(event.message()).isEqualTo(UserMessage.suggestion("Yes", "YES"));
    }

    @Test
    void shouldReadALocationAtTheTopOfTheUserMessage() {
        InboundEvent event = reader.toInbound(started("""
                {"type":"location","latitude":"52.52","longitude":13.405,"label":"Alexanderplatz"}"""), "arowana");

        assertThat(event.message()).isEqualTo(UserMessage.location(new UserLocation(52.52, 13.405,
                "Alexanderplatz"), null));
    }

    @Test
    void shouldReadFilesAndTheMessageTheyAnswer() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                {"id":"evt_3","event":"message.received","data":{"agent_id":"ag_1","from":"+4917612345678",
                 "message_id":"arw_in_3","in_reply_to":"arw_1",
                 "user_message":{"type":"image","media_urls":["https://media.example/a.jpg"]}}}"""), "arowana");

        assertThat(event.message()).isEqualTo(UserMessage.media(List.of(URI.create("https://media.example/a.jpg")),
                null));
        assertThat(event.carrierMessageId()).isEqualTo("arw_in_3");
        assertThat(event.inReplyTo()).isEqualTo("arw_1");
        assertThat(event.occurredAt()).as("the time the hub saw it").isEqualTo(NOW);
    }

    @Test
    void shouldReadAReplyOnAnSmsChannelAsSms() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                {"id":"evt_4","event":"conversation.started","data":{"channel_id":"ch_sms","from":"+4917612345678",
                 "user_message":{"type":"text","text":"STOP"}}}"""), "arowana");

        assertThat(event.channel()).isEqualTo(Channel.SMS);
        assertThat(event.agent()).isEqualTo("ch_sms");
        assertThat(event.message()).isEqualTo(UserMessage.text("STOP"));
    }

    private static JsonNode started(String userMessage) {
        return Fixtures.parse("""
                {"id":"evt_1","event":"conversation.started","data":{"agent_id":"ag_1","from":"+4917612345678",
                 "user_message":%s}}""".formatted(userMessage));
    }
}
