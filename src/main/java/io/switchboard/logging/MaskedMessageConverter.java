package io.switchboard.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m} with secrets masked ({@link SecretMasking}); logback-spring.xml puts it in place of logback's own. */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretMasking.mask(super.convert(event));
    }
}
