package io.switchboard.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/**
 * The hub's own logback-spring.xml in a logger context of its own, as Spring Boot sets it up: the console format
 * Spring Boot reads from {@code logging.structured.format.console} (CONSOLE_LOG_STRUCTURED_FORMAT) picks text or JSON
 * lines, and either way a line names its message and masks the secrets in its message and stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleFormatTest {

    private static final String MESSAGE_ID = "msg_01m98c1nzs29692aapsn03egp2";
    private static final String CONFIGURED_SECRET = "carrier-password-of-the-format-test";
    private static final String WEBHOOK_SECRET = "whsec_O09AeKxEY4dXeChBsjtVEhK6iPF47Oc0IqBKoIO+11I=";

    private LoggerContext context;

    @AfterEach
    void stop() {
        context.stop();
        MDC.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "ecs"})
    void shouldWriteOneJsonObjectPerLineNamingTheMessageWithSecretsMasked(String format, CapturedOutput output)
            throws Exception {
        logALineAboutAMessage(format);

        List<String> lines = output.getOut().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode line = Fixtures.MAPPER.readTree(lines.get(0));
        assertThat(line.path("@timestamp").asText()).endsWith("Z");
        assertThat(line.at("/log/level").asText()).isEqualTo("WARN");
        assertThat(line.at("/log/logger").asText()).isEqualTo("io.switchboard.format");
        assertThat(line.path("message").asText()).isEqualTo("the carrier refused ****");
        assertThat(line.path("messageId").asText()).isEqualTo(MESSAGE_ID);
        assertThat(line.at("/error/type").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(line.at("/error/message").asText()).isEqualTo("signed with ****");
        assertThat(line.at("/error/stack_trace").asText()).contains("signed with ****", "ConsoleFormatTest");
        assertThat(output.getOut()).doesNotContain(CONFIGURED_SECRET, WEBHOOK_SECRET);
    }

    @Test
    void shouldWriteTextNamingTheMessageWithSecretsMaskedWithoutAFormat(CapturedOutput output) throws Exception {
        logALineAboutAMessage("");

        assertThat(output.getOut()).contains(" [msg=" + MESSAGE_ID + "] io.switchboard.format",
                ": the carrier refused ****", "java.lang.IllegalStateException: signed with ****")
                .doesNotContain(CONFIGURED_SECRET, WEBHOOK_SECRET, "{\"");
    }

    @Test
    void shouldLeaveTheMessageOutOfALineAboutNone(CapturedOutput output) throws Exception {
        context = configured("");

        context.getLogger("io.switchboard.format").warn("the routing rules were reloaded");

        assertThat(output.getOut()).contains("] io.switchboard.format", ": the routing rules were reloaded")
                .doesNotContain("[msg=");
    }

    private void logALineAboutAMessage(String format) throws JoranException {
        SecretMasking.register(List.of(CONFIGURED_SECRET));
        context = configured(format);
        MDC.put(MessageMdc.KEY, MESSAGE_ID);

        context.getLogger("io.switchboard.format").warn("the carrier refused {}", CONFIGURED_SECRET,
                new IllegalStateException("signed with " + WEBHOOK_SECRET));
    }

    /** logback-spring.xml with the console format Spring Boot would pass it, and Spring's settings beside it. */
    private static LoggerContext configured(String format) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putObject(Environment.class.getName(),
                new MockEnvironment().withProperty("spring.application.name", "switchboard"));
        context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(ConsoleFormatTest.class.getResource("/logback-spring.xml"));
        return context;
    }
}
