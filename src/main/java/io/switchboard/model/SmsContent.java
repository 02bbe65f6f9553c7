package io.switchboard.model;

/** Plain SMS text. */
public record SmsContent(String text) implements Content {

    @Override
    public Channel channel() {
        return Channel.SMS;
    }
}
