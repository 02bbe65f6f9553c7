package io.switchboard.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Turns Tomcat's HTTP/1.1 loggers to DEBUG for each test and back afterwards. Tomcat logs the first request it cannot
 * parse at INFO and every later one at DEBUG, so without this a test could not see what Tomcat logs of the requests
 * it sends once any other test sent one.
 */
public class TomcatParseErrorsLogged implements BeforeEachCallback, AfterEachCallback {

    private static final String TOMCAT_HTTP11 = "org.apache.coyote.http11";

    @Override
    public void beforeEach(ExtensionContext context) {
        Logger tomcat = (Logger) LoggerFactory.getLogger(TOMCAT_HTTP11);
        store(context).put(TOMCAT_HTTP11, tomcat.getLevel() == null ? "" : tomcat.getLevel().toString());
        tomcat.setLevel(Level.DEBUG);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String before = store(context).get(TOMCAT_HTTP11, String.class);
        ((Logger) LoggerFactory.getLogger(TOMCAT_HTTP11)).setLevel(before.isEmpty() ? null : Level.toLevel(before));
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(TomcatParseErrorsLogged.class));
    }
}
