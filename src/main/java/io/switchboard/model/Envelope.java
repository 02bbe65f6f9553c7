package io.switchboard.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an event tells about its message besides the hub's id: who sent it, to whom, on the channel the client asked
 * for, and where the client wants that message's status callbacks. Events carry it, so a webhook is rendered and
 * addressed from the event alone, without reading the message back.
 *
 * @param statusCallback the message's own status callback, or null
 */
public record Envelope(String sender, String recipient, Channel channel,
        @JsonInclude(JsonInclude.Include.NON_NULL) StatusCallback statusCallback) {

    /** The envelope of a message without a status callback of its own. */
    public Envelope(String sender, String recipient, Channel channel) {
        this(sender, recipient, channel, null);
    }

    public static Envelope of(Message message) {
        return new Envelope(message.sender(), message.recipient(), message.channel(), StatusCallback.of(message));
    }
}
