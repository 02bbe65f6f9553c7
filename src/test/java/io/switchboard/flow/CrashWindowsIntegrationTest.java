package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.ServiceUnavailableException;
import io.switchboard.model.Message;
import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.store.Leg;
import io.switchboard.store.Submission;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import jakarta.servlet.http.HttpServletRequest;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The windows a crash can hit between a carrier's answer and the commit of what it causes, opened on purpose: a step
 * that throws once, as a hub killed at that moment would stop, so the broker redelivers the work. The redelivery must
 * act on the answer already recorded (events, time limit, failover) without calling the carrier again, and a leg whose
 * answer was lost is sent again and counted as in doubt; a JMS ingress message the intake cannot take now (a 503) stays
 * on its queue for a redelivery. Also: a request that waits for its answer is never answered by a timeout instead. Its
 * own context, since it rewires routes.
 */
class CrashWindowsIntegrationTest extends HubIntegrationTest {

    /** A step name and the recipient whose message stops there once. */
    private static final Set<String> FAULTS = ConcurrentHashMap.newKeySet();

    @Autowired
    private SandboxLedger sandbox;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ConnectionFactory connectionFactory;

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "crash-windows");
    }

    @BeforeAll
    static void openTheWindows(@Autowired CamelContext camel) throws Exception {
        AdviceWith.adviceWith(camel, "send-leg", route -> {
            route.weaveById("publish-sent").before().process(exchange -> stopOnce("after-accepted", exchange));
            route.weaveById("publish-failed").before().process(exchange -> stopOnce("after-refused", exchange));
            // right after the carrier call: the carrier took the leg, its answer never reaches the hub
            route.weaveById("call-carrier").after().process(exchange -> {
                if (FAULTS.remove("answer-lost:" + recipient(exchange))) {
                    throw new SocketTimeoutException("the hub stopped while the carrier answered");
                }
            });
        });
        // the broker took the message, then the hub stopped before the intake's database transaction committed
        AdviceWith.adviceWith(camel, "enqueue-outbound", route -> route.weaveById("enqueue-outbound-send").after()
                .process(exchange -> {
                    for (Object queued : exchange.getMessage().getBody(List.class)) {
                        if (FAULTS.remove("intake-commit-lost:" + ((Submission) queued).message().recipient())) {
                            throw new IllegalStateException("the hub stopped before the intake's commit");
                        }
                    }
                }));
        // the intake cannot take the message now, as with its database away: a 503
        AdviceWith.adviceWith(camel, "accept-message", route -> route.weaveById("record-and-enqueue").before()
                .process(exchange -> {
                    if (FAULTS.remove("unavailable:" + exchange.getMessage().getBody(Message.class).recipient())) {
                        throw new ServiceUnavailableException(1, "The hub cannot reach its database");
                    }
                }));
        // answers with the timeout the servlet container holds over the request while its route runs
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/v1/probe/answer-timeout").routeId("probe-answer-timeout").process(exchange -> {
                    HttpServletRequest request = exchange.getIn(PlatformHttpMessage.class).getRequest();
                    Awaitility.await().atMost(Duration.ofSeconds(5)).until(request::isAsyncStarted);
                    exchange.getMessage().setBody(Long.toString(request.getAsyncContext().getTimeout()));
                });
            }
        });
    }

    @AfterEach
    void closeTheWindows() {
        FAULTS.clear();
    }

    private static void stopOnce(String step, Exchange exchange) {
        Leg leg = exchange.getVariable("leg", Leg.class);
        if (FAULTS.remove(step + ":" + recipient(exchange) + ":" + leg.legNumber())) {
            throw new IllegalStateException("the hub stopped " + step + " leg " + leg.legId());
        }
    }

    private static String recipient(Exchange exchange) {
        return exchange.getVariable("message", Message.class).recipient();
    }

    private long sendsTo(String carrier, String recipient) {
        return sendsTo(recipient).stream().filter(entry -> entry.carrier().equals(carrier)).count();
    }

    /** What the sandbox carriers received for the number, written with or without its + as each dialect does. */
    private List<SandboxLedger.Entry> sendsTo(String recipient) {
        return sandbox.entries().stream()
                .filter(entry -> entry.recipient().replace("+", "").equals(recipient.replace("+", "")))
                .toList();
    }

    private int inDoubtResends(String messageId) {
        return jdbc.sql("SELECT COALESCE(SUM(in_doubt_resends), 0) FROM message_legs WHERE message_id = :id")
                .param("id", messageId).query(Integer.class).single();
    }

    @Test
    void shouldLeaveAJmsIngressMessageTheHubCannotTakeNowOnTheQueueForARedelivery() throws Exception {
        String recipient = "+15557400412";
        FAULTS.add("unavailable:" + recipient);
        String body = new String(Fixtures.bytes("v1/send-text-with-suggestions.json"), StandardCharsets.UTF_8)
                .replace("+4917612345678", recipient);
        JmsTemplate jms = new JmsTemplate(connectionFactory);

        jms.send("switchboard.ingress", session -> {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("SwitchboardDialect", "v1");
            message.setStringProperty("SwitchboardCredential", V1_KEY);
            return message;
        });

        eventually().until(() -> jdbc.sql("SELECT status FROM messages WHERE recipient = :to")
                .param("to", recipient).query(String.class).list(), List.of("delivered")::equals);
        assertThat(FAULTS).as("the first delivery was refused with a 503").isEmpty();
        Long parked = jms.browse("switchboard.ingress.invalid", (session, browser) -> {
            long about = 0;
            for (Object message : Collections.list(browser.getEnumeration())) {
                about += ((TextMessage) message).getText().contains(recipient) ? 1 : 0;
            }
            return about;
        });
        assertThat(parked).as("parked as invalid").isZero();
    }

    @Test
    void shouldRecordAndSendOnceAMessageWhoseIntakeCommitWasLost() {
        String recipient = "+15557400414";
        FAULTS.add("intake-commit-lost:" + recipient);
        ObjectNode request = (ObjectNode) Fixtures.tree("v1/send-text-with-suggestions.json");
        request.put("to", recipient);

        HubClient.Response unanswered = hub().postJson("/v1/messages", request, "Authorization", V1_KEY);

        assertThat(FAULTS).isEmpty();
        assertThat(unanswered.status()).as(unanswered.toString()).isNotEqualTo(202);
        // dispatch found no row for the queued message and recorded it before sending it
        String messageId = eventually().until(() -> jdbc.sql("SELECT id FROM messages WHERE recipient = :recipient")
                .param("recipient", recipient).query(String.class).optional(), Optional::isPresent).get();
        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        eventually().during(Duration.ofMillis(500)).until(() -> sendsTo("sandbox-v5", recipient) == 1);
    }

    @Test
    void shouldPublishTheEventsOfAnAcceptedLegWhenTheirCommitWasLost() {
        String recipient = "+15557400411";
        FAULTS.add("after-accepted:" + recipient + ":1");

        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        assertThat(FAULTS).isEmpty();
        eventually().during(Duration.ofMillis(500)).until(() -> sendsTo("sandbox-v5", recipient) == 1);
        assertThat(inDoubtResends(messageId)).isZero();
    }

    @Test
    void shouldFailARefusedLegOverWhenTheFailureWasLostInTheCrash() {
        // …00: the RCS carrier refuses at once; the failover leg goes to the default chain's Channels carrier
        String recipient = "+15550612400";
        FAULTS.add("after-refused:" + recipient + ":1");

        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), List.of("queued", "failover", "sent", "delivered")::equals);
        assertThat(FAULTS).isEmpty();
        eventually().during(Duration.ofMillis(500)).until(() -> sendsTo("sandbox-v5", recipient) == 1
                && sendsTo("sandbox-channels", recipient) == 1);
    }

    @Test
    void shouldFinishAFailoverLegWhoseEventsWereLost() {
        String recipient = "+15550612500";
        FAULTS.add("after-accepted:" + recipient + ":2");

        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), List.of("queued", "failover", "sent", "delivered")::equals);
        assertThat(FAULTS).isEmpty();
        eventually().during(Duration.ofMillis(500)).until(() -> sendsTo("sandbox-channels", recipient) == 1);
    }

    @Test
    void shouldSendALegWhoseAnswerWasLostAgainAndCountItInDoubt() {
        // the v5 dialect has no idempotency key: the carrier gets the leg twice, and the hub says so
        String recipient = "+15557400412";
        FAULTS.add("answer-lost:" + recipient);

        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId).containsAll(List.of("queued", "sent", "delivered")));
        assertThat(sendsTo("sandbox-v5", recipient)).isEqualTo(2);
        assertThat(inDoubtResends(messageId)).isEqualTo(1);
    }

    @Test
    void shouldNotDeliverALegTwiceThroughACarrierThatDeduplicatesItsResend() {
        // v1 carriers take an Idempotency-Key (the leg id): the resend of the leg is answered with the first send's id
        String recipient = "+15557200413";
        FAULTS.add("answer-lost:" + recipient);

        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), List.of("queued", "sent", "delivered")::equals);
        // the ledger holds what a carrier sent on: the repeated key was answered from the first send
        eventually().during(Duration.ofMillis(500)).until(() -> sendsTo("sandbox-v1", recipient) == 1);
        assertThat(inDoubtResends(messageId)).isEqualTo(1);
    }

    @Test
    void shouldLetARequestWaitForItsOwnAnswerHoweverLongItsRouteTakes() {
        // a container timeout (Tomcat's default is 30 s) answers a request whose route still runs; the route's late
        // answer then lands in the recycled response of the connection's next request. 0 is no timeout.
        HubClient.Response probe = hub().get("/v1/probe/answer-timeout", "Authorization", V1_KEY);
        assertThat(probe.status()).as(probe.toString()).isEqualTo(200);
        assertThat(new String(probe.raw().body(), StandardCharsets.UTF_8)).isEqualTo("0");
    }
}
