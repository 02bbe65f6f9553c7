package io.switchboard.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.switchboard.logging.MessageMdc;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Every event the root logger passes on, from every thread, while it is open: what was logged, by which logger on
 * which thread, and the message the MDC named at that moment (read as the event is appended, on the logging thread,
 * since an event reads the MDC lazily). Which events reach it depends on the loggers' levels.
 */
public final class LogEvents implements AutoCloseable {

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(new Line(event.getThreadName(), event.getLoggerName(), event.getLevel(),
                    event.getFormattedMessage(), event.getMDCPropertyMap().get(MessageMdc.KEY)));
        }
    };

    public LogEvents() {
        Logger root = root();
        appender.setContext(root.getLoggerContext());
        appender.setName("test-log-events");
        appender.start();
        root.addAppender(appender);
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root().detachAppender(appender);
        appender.stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /**
     * @param messageId the message the MDC named, or null
     */
    public record Line(String thread, String logger, Level level, String message, String messageId) {

        @Override
        public String toString() {
            return level + " [" + thread + "] [msg=" + messageId + "] " + logger + ": " + message;
        }
    }
}
