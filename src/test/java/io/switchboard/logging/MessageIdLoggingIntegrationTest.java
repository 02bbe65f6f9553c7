package io.switchboard.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.HubIntegrationTest;
import io.switchboard.testing.JsonLogLines;
import io.switchboard.testing.LogEvents;
import io.switchboard.testing.LogEvents.Line;
import io.switchboard.testing.LoggerLevelForClass;
import io.switchboard.testing.ProductionLogLevel;
import io.switchboard.testing.WebhookReceiver;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One message through the whole hub, accept to webhook through the sandbox, and one that fails over: every line logged
 * about it, on every thread it crosses, names it in the MDC ({@link MessageMdc}), and JSON lines carry it as a field.
 * The hub at its production level (INFO), with more of it where it logs little at INFO: the message's journey
 * (io.switchboard.messages), the intake, and the JMS listeners and senders of Camel and Spring, whose lines before and
 * after a route show what the consumer threads name.
 */
@ExtendWith({ProductionLogLevel.class, MessageIdLoggingIntegrationTest.MessageLines.class})
class MessageIdLoggingIntegrationTest extends HubIntegrationTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("msg_[0-9a-z]{26}");
    private static final String HTTP = "task-";
    private static final String WRITER = "intake-writer-";
    private static final String DISPATCH = "JmsConsumer[switchboard.outbound]";
    private static final String FAN_OUT = "JmsConsumer[switchboard.events::switchboard.webhooks]";
    private static final String DELIVERY = "JmsConsumer[switchboard.webhook.deliveries]";
    private static final String FAILOVER = "JmsConsumer[switchboard.failover]";
    private static final String BROKER_SERVER = "org.apache.activemq.artemis.core.server";
    private static final String JOURNEY = "io.switchboard.messages";

    private WebhookReceiver receiver;
    private String subscriptionId;
    private LogEvents log;
    private JsonLogLines json;

    @BeforeEach
    void watch() {
        receiver = new WebhookReceiver();
        subscriptionId = subscribe(receiver.url(), List.of("message.sent", "message.delivered")).path("id").asText();
        log = new LogEvents();
        json = new JsonLogLines();
    }

    @AfterEach
    void stopWatching() {
        json.close();
        log.close();
        assertThat(hub().delete("/v1/webhooks/" + subscriptionId, "Authorization", V1_KEY).status()).isEqualTo(204);
        receiver.close();
    }

    /**
     * Row 03 of the v5 sandbox refuses the first two attempts (503), so dispatch warns twice before the carrier takes
     * it; its time limit falls due after its delivery, and the failover consumer says no failover is needed.
     */
    @Test
    void shouldNameTheMessageInEveryLineAboutItOnEveryThreadItCrosses() {
        String messageId = sendV1("+15550611103", "3s");

        eventually().until(() -> receiver.about(messageId, "message.delivered").size() == 1
                && logged(messageId, FAILOVER, "no failover (TIME_LIMIT)")
                && logged(messageId, DELIVERY, "delivered: 204"));

        everyLineAboutItNamesIt(messageId);
        List<Line> named = named(messageId);
        assertThat(named).as("the hub's warnings and notes about it, at INFO and above")
                .anySatisfy(line -> assertLine(line, Level.WARN, DISPATCH, "io.switchboard.broker",
                        "dispatch: attempt 1 for " + messageId + " failed and goes back to the broker"))
                .anySatisfy(line -> assertLine(line, Level.WARN, DISPATCH, "io.switchboard.broker",
                        "dispatch: attempt 2 for " + messageId))
                .anySatisfy(line -> assertLine(line, Level.INFO, FAILOVER, "failover",
                        messageId + ": no failover (TIME_LIMIT): RCS was delivered in time"));
        assertThat(named).as("its journey, thread by thread")
                .anySatisfy(line -> assertLine(line, Level.DEBUG, HTTP, JOURNEY, "accepted: RECORDED"))
                .anySatisfy(line -> assertLine(line, Level.DEBUG, WRITER, "io.switchboard.intake.GroupCommit",
                        "RECORDED in a commit of"))
                .anySatisfy(line -> assertLine(line, Level.DEBUG, DISPATCH, JOURNEY,
                        "leg 1 (RCS) through sandbox-v5: RETRY"))
                .anySatisfy(line -> assertLine(line, Level.DEBUG, DISPATCH, JOURNEY,
                        "leg 1 (RCS) through sandbox-v5: ACCEPTED"))
                // the v5 carrier's callback
                .anySatisfy(line -> assertLine(line, Level.DEBUG, HTTP, JOURNEY, "message.delivered"))
                .anySatisfy(line -> assertLine(line, Level.DEBUG, FAN_OUT, JOURNEY,
                        "1 webhook deliveries"))
                .anySatisfy(line -> assertLine(line, Level.DEBUG, DELIVERY, JOURNEY, "delivered: 204"));
        assertThat(named).as("the JMS listener's own lines, before the route takes the message")
                .anySatisfy(line -> assertLine(line, Level.DEBUG, DISPATCH, "io.switchboard.broker",
                        "Received message of type"))
                .anySatisfy(line -> assertLine(line, Level.DEBUG, DELIVERY, "io.switchboard.broker",
                        "Received message of type"));
        assertThat(threadKinds(named)).containsExactlyInAnyOrder(HTTP, WRITER, DISPATCH, FAN_OUT, DELIVERY, FAILOVER);
        noLineNamesAnotherMessage();
        jsonLinesNameIt(messageId, "leg 1 (RCS) through sandbox-v5: ACCEPTED");
    }

    /** Row 01: RCS accepted, then a failed callback; the failover consumer sends the SMS leg through Channels. */
    @Test
    void shouldNameAMessageThatFailsOverOnTheFailoverThreadAndInItsCallbacks() {
        String messageId = sendV1("+15550611101");

        eventually().until(() -> receiver.about(messageId, "message.delivered").size() == 1
                && logged(messageId, DELIVERY, "delivered: 204"));

        everyLineAboutItNamesIt(messageId);
        List<Line> named = named(messageId);
        assertThat(named)
                .anySatisfy(line -> assertLine(line, Level.DEBUG, DISPATCH, JOURNEY,
                        "leg 1 (RCS) through sandbox-v5: ACCEPTED"))
                // the v5 carrier's failed callback becomes a failover request
                .anySatisfy(line -> assertLine(line, Level.DEBUG, HTTP, "org.apache.camel.component.jms",
                        "Sending JMS message to: ActiveMQQueue[switchboard.failover]"))
                .anySatisfy(line -> assertLine(line, Level.DEBUG, FAILOVER, JOURNEY,
                        "message.failover"))
                .anySatisfy(line -> assertLine(line, Level.DEBUG, FAILOVER, JOURNEY,
                        "leg 2 (SMS) through sandbox-channels: ACCEPTED"))
                // the Channels carrier's callback
                .anySatisfy(line -> assertLine(line, Level.DEBUG, HTTP, JOURNEY, "message.delivered"))
                .anySatisfy(line -> assertLine(line, Level.DEBUG, FAILOVER,
                        "org.apache.camel.component.jms.EndpointMessageListener", "consumer received JMS message"));
        assertThat(threadKinds(named)).contains(HTTP, WRITER, DISPATCH, FAN_OUT, DELIVERY, FAILOVER);
        noLineNamesAnotherMessage();
        jsonLinesNameIt(messageId, "leg 2 (SMS) through sandbox-channels: ACCEPTED");
    }

    private boolean logged(String messageId, String thread, String text) {
        return named(messageId).stream().anyMatch(line -> line.thread().contains(thread)
                && line.message().contains(text));
    }

    private List<Line> named(String messageId) {
        return log.lines().stream().filter(line -> messageId.equals(line.messageId())).toList();
    }

    /**
     * A line that mentions the message, whoever logs it (Camel's JMS sender quotes its properties), names it. The
     * embedded broker's server is left out: it logs on its own threads what a standalone broker logs in its own log,
     * such as each repeated event its duplicate detection drops, and quotes the message's properties, its
     * SwitchboardMessageId among them.
     */
    private void everyLineAboutItNamesIt(String messageId) {
        List<Line> about = log.lines().stream().filter(line -> line.message().contains(messageId))
                .filter(line -> !line.logger().startsWith(BROKER_SERVER)).toList();
        assertThat(about).as("lines that mention " + messageId).hasSizeGreaterThan(5)
                .allSatisfy(line -> assertThat(line.messageId()).as(line.toString()).isEqualTo(messageId));
    }

    /** No thread goes on naming a message once it works on another, whichever test's message that is. */
    private void noLineNamesAnotherMessage() {
        assertThat(log.lines()).filteredOn(line -> line.messageId() != null).allSatisfy(line -> {
            Matcher mentioned = MESSAGE_ID.matcher(line.message());
            while (mentioned.find()) {
                assertThat(mentioned.group()).as(line.toString()).isEqualTo(line.messageId());
            }
        });
    }

    private void jsonLinesNameIt(String messageId, String message) {
        List<JsonNode> lines = json.lines();
        assertThat(lines).as("every line is a JSON object with the usual fields").isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("@timestamp").asText()).isNotEmpty())
                .allSatisfy(line -> assertThat(line.at("/log/level").asText()).isNotEmpty())
                .allSatisfy(line -> assertThat(line.at("/log/logger").asText()).isNotEmpty());
        assertThat(lines).filteredOn(line -> line.path("message").asText().equals(message)).singleElement()
                .satisfies(line -> {
                    assertThat(line.path("messageId").asText()).isEqualTo(messageId);
                    assertThat(line.at("/log/level").asText()).isEqualTo("DEBUG");
                    assertThat(line.at("/log/logger").asText()).isEqualTo(JOURNEY);
                });
        assertThat(lines).filteredOn(line -> line.path("message").asText().contains(messageId))
                .filteredOn(line -> !line.at("/log/logger").asText().startsWith(BROKER_SERVER))
                .isNotEmpty().allSatisfy(line -> assertThat(line.path("messageId").asText()).isEqualTo(messageId));
    }

    private static void assertLine(Line line, Level level, String thread, String logger, String text) {
        assertThat(line.level()).isEqualTo(level);
        assertThat(line.thread()).contains(thread);
        assertThat(line.logger()).startsWith(logger);
        assertThat(line.message()).contains(text);
    }

    /** The kinds of threads among these lines' threads. */
    private static Set<String> threadKinds(List<Line> lines) {
        List<String> kinds = List.of(HTTP, WRITER, DISPATCH, FAN_OUT, DELIVERY, FAILOVER);
        return lines.stream().map(Line::thread)
                .flatMap(thread -> kinds.stream().filter(kind(thread)))
                .collect(Collectors.toSet());
    }

    private static Predicate<String> kind(String thread) {
        return kind -> kind.equals(HTTP) ? thread.startsWith(HTTP) : thread.contains(kind);
    }

    /**
     * More of the log where it says little at INFO: the message's journey, the intake, Camel's JMS senders and
     * listeners, which quote the messages they send and take (the listener before the route starts), and the hub's
     * listener containers (Spring's, under the hub's name).
     */
    static class MessageLines extends LoggerLevelForClass {
        MessageLines() {
            super(Level.DEBUG, JOURNEY, "io.switchboard.intake", "org.apache.camel.component.jms",
                    "org.apache.camel.component.jms.EndpointMessageListener",
                    "io.switchboard.broker.MessageIdListenerContainers");
        }
    }
}
