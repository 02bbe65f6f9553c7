package io.switchboard.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %messageId} in the console pattern: {@code [msg=<id>] } when the line is about a hub message
 * ({@link MessageMdc}), nothing otherwise, so lines about no message stay as short as before.
 */
public class MessageIdConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String messageId = event.getMDCPropertyMap().get(MessageMdc.KEY);
        return messageId == null ? "" : "[msg=" + messageId + "] ";
    }
}
