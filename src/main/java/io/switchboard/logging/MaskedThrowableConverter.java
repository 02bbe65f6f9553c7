package io.switchboard.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} (a stack trace after a blank line) with secrets masked: an exception's message can
 * quote what a caller sent, as Tomcat's does for a header line it refuses.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return SecretMasking.mask(super.throwableProxyToString(proxy));
    }
}
