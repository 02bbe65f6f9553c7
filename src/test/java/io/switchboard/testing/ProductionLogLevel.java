package io.switchboard.testing;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;

/**
 * The root logger at INFO, the hub's level in production (logback-spring.xml), for a test class and back to the
 * tests' WARN afterwards: for tests that check what the hub's log shows (no secret in it), which must read all of it.
 */
public class ProductionLogLevel extends LoggerLevelForClass {

    public ProductionLogLevel() {
        super(Logger.ROOT_LOGGER_NAME, Level.INFO);
    }
}
