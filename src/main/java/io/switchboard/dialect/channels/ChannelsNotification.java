package io.switchboard.dialect.channels;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Notifications API webhook delivery about a channel message, as the Channels sandbox posts it:
 * {@code {"service": "channels", "event": "sms.outbound", "payload": {message resource}}}. The exact outer envelope
 * is not confirmed (FORMATS.md §4.3), so the hub reads notifications leniently ({@link ChannelsNotifications}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelsNotification(String service, String event, ChannelsMessageResource payload) {

    public static final String SERVICE = "channels";
    public static final String SMS_OUTBOUND = "sms.outbound";
}
