package io.switchboard.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Sets one logger's level for a whole test class, from before its Spring context starts until after its last test,
 * then puts back the level the logger had: for tests that need more of the log than the tests' WARN
 * (logback-test.xml). Set again before each test: the first Spring context of the JVM reloads logback-test.xml.
 */
public abstract class LoggerLevelForClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final String name;
    private final Level level;

    protected LoggerLevelForClass(String name, Level level) {
        this.name = name;
        this.level = level;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        store(context).put(name, logger.getLevel() == null ? "" : logger.getLevel().toString());
        logger.setLevel(level);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ((Logger) LoggerFactory.getLogger(name)).setLevel(level);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String before = store(context).get(name, String.class);
        ((Logger) LoggerFactory.getLogger(name)).setLevel(before.isEmpty() ? null : Level.toLevel(before));
    }

    private ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(getClass()));
    }
}
