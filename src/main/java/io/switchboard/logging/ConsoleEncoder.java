package io.switchboard.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;

/**
 * The console's lines: text in {@code pattern}, whose message and stack trace converters mask secrets, or, when
 * {@code format} names one (Spring Boot's {@code logging.structured.format.console}), JSON lines in that structured
 * format, one object per line, with the MDC's entries as fields and every text value masked ({@link MaskedJsonValues}).
 * {@value #JSON} stands for Spring Boot's {@value #JSON_FORMAT}, the Elastic Common Schema.
 */
public class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

    static final String JSON = "json";
    static final String JSON_FORMAT = "ecs";

    private String pattern;
    private String format;
    private Charset charset;
    private Encoder<ILoggingEvent> lines;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        lines = structured() ? structuredLines() : textLines();
        lines.start();
        super.start();
    }

    @Override
    public void stop() {
        lines.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return lines.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return lines.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return lines.footerBytes();
    }

    /** Structured when a format is named and Spring Boot, which builds the formats, has put its settings here. */
    private boolean structured() {
        if (format == null || format.isBlank()) {
            return false;
        }
        if (getContext().getObject(Environment.class.getName()) == null) {
            addWarn("No Spring environment to build the structured log format " + format + " from: text lines");
            return false;
        }
        return true;
    }

    private Encoder<ILoggingEvent> structuredLines() {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(getContext());
        encoder.setFormat(JSON.equalsIgnoreCase(format.strip()) ? JSON_FORMAT : format.strip());
        if (charset != null) {
            encoder.setCharset(charset);
        }
        return encoder;
    }

    private Encoder<ILoggingEvent> textLines() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(getContext());
        encoder.setPattern(pattern);
        encoder.setCharset(charset);
        return encoder;
    }
}
