package io.switchboard.testing;

import ch.qos.logback.classic.Level;

/**
 * Turns Tomcat's HTTP/1.1 loggers to DEBUG for a test class and back afterwards. Tomcat logs the first request it
 * cannot parse at INFO and every later one at DEBUG, so without this a test could not see what Tomcat logs of the
 * requests it sends once any other test sent one.
 */
public class TomcatParseErrorsLogged extends LoggerLevelForClass {

    public TomcatParseErrorsLogged() {
        super("org.apache.coyote.http11", Level.DEBUG);
    }
}
