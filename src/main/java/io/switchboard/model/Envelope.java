package io.switchboard.model;

/**
 * What an event tells about its message besides the hub's id: who sent it, to whom, and on the channel the client
 * asked for. Events carry it, so a webhook is rendered from the event alone, without reading the message back.
 */
public record Envelope(String sender, String recipient, Channel channel) {

    public static Envelope of(Message message) {
        return new Envelope(message.sender(), message.recipient(), message.channel());
    }
}
