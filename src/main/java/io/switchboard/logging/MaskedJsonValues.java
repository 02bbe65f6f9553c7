package io.switchboard.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Every text value of a JSON log line passes through {@link SecretMasking}, as the text lines' message and stack trace
 * do: the message, the error's message and stack trace, the MDC's values. Spring Boot applies it to each structured
 * format (ecs, logstash, gelf) it builds, through META-INF/spring.factories, so no setting can leave it out.
 */
public class MaskedJsonValues implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, SecretMasking::mask));
    }
}
