package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.IdempotencyConflictException;
import io.switchboard.model.Dialect;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import io.switchboard.store.Acceptance;
import io.switchboard.store.Submission;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.RouteFileTest;
import jakarta.jms.JMSException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * routes/accept.camel.yaml alone: accept-message records a message through the intake, with the trace context of the
 * request's span, and answers with the message the hub keeps (the original one for a repeated Idempotency-Key),
 * refuses a key reused with a different request, and leaves its failures to the calling ingress's error policy;
 * enqueue-outbound hands a batch to the outbound queue. The intake and the queue are scripted; an ingress stand-in
 * added by the test calls accept-message as ingresses do.
 */
class AcceptRoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Message MESSAGE = message("msg_2");
    private static final Message ORIGINAL = message("msg_1");
    private static final String TRACE_PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final ScriptedIntake intake = new ScriptedIntake();
    private final ScriptedQueue queue = new ScriptedQueue();

    @Override
    protected String routeFile() {
        return "accept.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return apiPolicyBeans().with(Map.of("messageIntake", intake, "outboundQueue", queue));
    }

    @Override
    protected void advise() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:v1-ingress").routeId("v1-ingress").group("v1").routeConfigurationId("api")
                        .to("direct:accept-message");
            }
        });
    }

    @Test
    void shouldRecordTheMessageUnderItsIdempotencyKeyAndAnswerWithIt() {
        intake.answer = new Acceptance(Acceptance.Outcome.RECORDED, MESSAGE);

        Exchange accepted = acceptWithKey("key-1");

        assertThat(accepted.getException()).isNull();
        assertThat(intake.accepted).containsExactly(MESSAGE);
        assertThat(intake.keys).containsExactly("key-1");
        assertThat(intake.traceParents).containsExactly(TRACE_PARENT);
        assertThat(accepted.getMessage().getBody()).isEqualTo(MESSAGE);
        assertThat(accepted.getVariable("acceptance")).isEqualTo(intake.answer);
    }

    @Test
    void shouldAnswerARepeatedKeyWithTheMessageItFirstNamed() {
        intake.answer = new Acceptance(Acceptance.Outcome.REPLAY, ORIGINAL);

        Exchange replayed = acceptWithKey("key-1");

        assertThat(replayed.getException()).isNull();
        assertThat(replayed.getMessage().getBody()).isEqualTo(ORIGINAL);
        assertThat(replayed.getVariable("acceptance", Acceptance.class).outcome())
                .isEqualTo(Acceptance.Outcome.REPLAY);
    }

    @Test
    void shouldRefuseAKeyReusedWithADifferentRequest() {
        intake.answer = new Acceptance(Acceptance.Outcome.CONFLICT, ORIGINAL);

        Exchange refused = template.send("direct:accept-message", exchange -> exchange.getMessage().setBody(MESSAGE));

        assertThat(refused.getException()).isInstanceOf(IdempotencyConflictException.class)
                .hasMessage("This Idempotency-Key was already used with a different request.");
        assertThat(refused.getMessage().getBody()).isEqualTo(MESSAGE);
    }

    @Test
    void shouldLeaveItsRefusalToTheCallingIngressWhichAnswersInItsDialect() throws Exception {
        intake.answer = new Acceptance(Acceptance.Outcome.CONFLICT, ORIGINAL);

        Exchange answered = template.send("direct:v1-ingress", exchange -> exchange.getMessage().setBody(MESSAGE));

        assertThat(answered.getException()).isNull();
        assertThat(answered.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(422);
        JsonNode error = json(answered);
        assertThat(error.path("error").asText()).isEqualTo("idempotency_key_reused");
        assertThat(error.path("message").asText()).contains("Idempotency-Key");
    }

    @Test
    void shouldHandTheWholeBatchToTheOutboundQueueAtOnce() {
        List<Submission> batch = List.of(Submission.of(ORIGINAL, Fixtures.MAPPER),
                Submission.of(MESSAGE, Fixtures.MAPPER));

        Exchange sent = template.send("direct:enqueue-outbound", exchange -> exchange.getMessage().setBody(batch));

        assertThat(sent.getException()).isNull();
        assertThat(queue.batches).containsExactly(batch);
    }

    @Test
    void shouldFailTheBatchTheBrokerDidNotTakeSoTheIntakeRollsBack() {
        queue.failure = new JMSException("broker away");
        List<Submission> batch = List.of(Submission.of(MESSAGE, Fixtures.MAPPER));

        Exchange sent = template.send("direct:enqueue-outbound", exchange -> exchange.getMessage().setBody(batch));

        assertThat(sent.getException()).isSameAs(queue.failure);
    }

    private Exchange acceptWithKey(String idempotencyKey) {
        return template.send("direct:accept-message", exchange -> {
            exchange.getMessage().setHeader("Idempotency-Key", idempotencyKey);
            exchange.getMessage().setHeader("traceparent", TRACE_PARENT);
            exchange.getMessage().setBody(MESSAGE);
        });
    }

    private static Message message(String id) {
        return new Message(id, "demo", Dialect.V1, null, "+14155550100", "+14155550101", new SmsContent("hello"),
                FailoverPlan.none(), null, null, null, null, NOW);
    }

    /** The intake's answer as the test says, noting what it was given. */
    public static class ScriptedIntake {
        final List<Message> accepted = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final List<String> traceParents = new ArrayList<>();
        Acceptance answer;

        public Acceptance accept(Message message, String idempotencyKey, String traceParent) {
            accepted.add(message);
            keys.add(idempotencyKey);
            traceParents.add(traceParent);
            return answer;
        }
    }

    /** The outbound queue, keeping each batch it was handed, or refusing it as the test says. */
    public static class ScriptedQueue {
        final List<List<Submission>> batches = new ArrayList<>();
        JMSException failure;

        public void sendAll(List<Submission> messages) throws JMSException {
            if (failure != null) {
                throw failure;
            }
            batches.add(messages);
        }
    }
}
