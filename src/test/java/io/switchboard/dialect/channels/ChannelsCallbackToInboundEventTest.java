package io.switchboard.dialect.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.api.InvalidRequestException;
import io.switchboard.model.Channel;
import io.switchboard.model.InboundEvent;
import io.switchboard.model.UserMessage;
import io.switchboard.testing.Fixtures;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelsCallbackToInboundEventTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final ChannelsCallbackToInboundEvent reader =
            new ChannelsCallbackToInboundEvent(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldTellAnIncomingMessageFromAnOutgoingOne() {
        assertThat(reader.isIncoming(Fixtures.parse("{\"id\":\"1\",\"direction\":\"Incoming\"}"))).isTrue();
        assertThat(reader.isIncoming(Fixtures.parse("{\"id\":\"1\",\"direction\":\"outgoing\"}"))).isFalse();
        assertThat(reader.isIncoming(Fixtures.parse("{\"id\":\"1\",\"status\":\"delivered\"}"))).isFalse();
    }

    @Test
    void shouldReadSenderAndReceiverFromContactListsAndTheChannelWhenNoNumberIsGiven() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                {"id":"in-2","channelId":"ch-1","direction":"incoming","sender":{"contacts":[
                 {"identifierValue":"+14155550123"}]},"body":{"type":"text","text":{"text":"Hi"}}}"""), "bird");

        assertThat(event.user()).isEqualTo("+14155550123");
        assertThat(event.agent()).isEqualTo("ch-1");
        assertThat(event.channel()).isEqualTo(Channel.SMS);
        assertThat(event.occurredAt()).as("the time the hub saw it").isEqualTo(NOW);
    }

    @Test
    void shouldReadFilesWithTheirTextAsAnMms() {
        InboundEvent event = reader.toInbound(Fixtures.parse("""
                {"id":"in-3","direction":"incoming","createdAt":"2026-12-07T09:00:00Z",
                 "sender":{"contact":{"identifierValue":"+14155550123"}},
                 "receiver":{"contacts":[{"identifierValue":"+14155550100"}]},
                 "body":{"type":"file","file":{"files":[{"contentType":"application/pdf",
                  "mediaUrl":"https://media.example/invoice.pdf"}],"text":"my invoice"}}}"""), "bird");

        assertThat(event.channel()).isEqualTo(Channel.MMS);
        assertThat(event.agent()).isEqualTo("+14155550100");
        assertThat(event.message()).isEqualTo(UserMessage.media(
                List.of(URI.create("https://media.example/invoice.pdf")), "my invoice"));
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
    }

    @Test
    void shouldRefuseAMessageWithoutTheSendersNumber() {
        assertThatThrownBy(() -> reader.toInbound(Fixtures.parse("""
                {"id":"in-4","direction":"incoming","body":{"type":"text","text":{"text":"Hi"}}}"""), "bird"))
                .isInstanceOf(InvalidRequestException.class);
    }
}
