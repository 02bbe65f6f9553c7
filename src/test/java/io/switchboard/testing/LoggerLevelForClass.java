package io.switchboard.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Sets loggers' level for a whole test class, from before its Spring context starts until after its last test,
 * then puts back the level each logger had: for tests that need more of the log than the tests' WARN
 * (logback-test.xml). Set again before each test: the first Spring context of the JVM reloads logback-test.xml.
 */
public abstract class LoggerLevelForClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final List<String> names;
    private final Level level;

    protected LoggerLevelForClass(String name, Level level) {
        this(level, name);
    }

    protected LoggerLevelForClass(Level level, String... names) {
        this.names = List.of(names);
        this.level = level;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        for (String name : names) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            store(context).put(name, logger.getLevel() == null ? "" : logger.getLevel().toString());
            logger.setLevel(level);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        names.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (String name : names) {
            String before = store(context).get(name, String.class);
            ((Logger) LoggerFactory.getLogger(name)).setLevel(before.isEmpty() ? null : Level.toLevel(before));
        }
    }

    private ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(getClass()));
    }
}
