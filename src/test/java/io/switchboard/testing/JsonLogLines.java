package io.switchboard.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.logging.ConsoleEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The hub's log as its console writes it with {@code SWITCHBOARD_LOG_FORMAT=json}, while it is open: an appender on the
 * root logger with the console's own encoder in JSON mode (io.switchboard.logging.ConsoleEncoder), beside the test's
 * text console, over the running hub's Spring settings.
 */
public final class JsonLogLines implements AutoCloseable {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

    public JsonLogLines() {
        Logger root = root();
        ConsoleEncoder encoder = new ConsoleEncoder();
        encoder.setContext(root.getLoggerContext());
        encoder.setFormat("json");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setContext(root.getLoggerContext());
        appender.setName("test-json-lines");
        appender.setEncoder(encoder);
        appender.setOutputStream(written);
        appender.start();
        root.addAppender(appender);
    }

    /** What was written, as it was written. */
    public String text() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /** Every line written, each read as one JSON object; a line that is not one fails. */
    public List<JsonNode> lines() {
        return text().lines().map(JsonLogLines::object).toList();
    }

    @Override
    public void close() {
        root().detachAppender(appender);
        appender.stop();
    }

    private static JsonNode object(String line) {
        try {
            JsonNode read = Fixtures.MAPPER.readTree(line);
            if (!read.isObject()) {
                throw new AssertionError("A log line that is no JSON object: " + line);
            }
            return read;
        } catch (JsonProcessingException e) {
            throw new AssertionError("A log line that is no JSON: " + line, e);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
