package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.api.NotFoundException;
import io.switchboard.dialect.v1.V1Conversations;
import io.switchboard.dialect.v1.V1MessageToCanonical;
import io.switchboard.dialect.v1.V1Requests;
import io.switchboard.dialect.v1.V1Responses;
import io.switchboard.dialect.v1.V1SendRequest;
import io.switchboard.dialect.v1.V1Validator;
import io.switchboard.model.Channel;
import io.switchboard.model.DeliveryEvent;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import io.switchboard.model.Message;
import io.switchboard.net.TargetGuard;
import io.switchboard.store.Conversations;
import io.switchboard.store.MessageView;
import io.switchboard.testing.AcceptStandIn;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.RouteFileTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * routes/ingress-v1.camel.yaml alone, its direct: routes (the REST part needs a web server): a send is admitted by its
 * Bearer key, read, validated, translated and accepted, and answered 202 in the v1 shape (a replay marked so); a
 * status is the tenant's message as the store sees it; a revoke is announced and answered. Refusals come back in the
 * v1 error shape through the api policy. The shared accept route and the event publishing are mocks, the message store
 * is scripted; admission, reading, validation, translation and answers are the hub's own beans.
 */
class IngressV1RoutesTest extends RouteFileTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String KEY = ExampleMessages.Credentials.DEMO.v1Authorization();

    private final ScriptedStore store = new ScriptedStore();
    private final OpenConversations conversations = new OpenConversations();

    @Override
    protected String routeFile() {
        return "ingress-v1.camel.yaml";
    }

    @Override
    protected Map<String, Object> beans() {
        return apiPolicyBeans().with(Map.of("v1Requests", new V1Requests(jsonBodies()),
                "v1Validator", new V1Validator(new TargetGuard(false)), "v1Responses", new V1Responses(),
                "messageStore", store, "v1Conversations", new V1Conversations(conversations)));
    }

    @Override
    protected void advise() throws Exception {
        registerTransformers(new V1MessageToCanonical(Clock.fixed(NOW, ZoneOffset.UTC)));
        AdviceWith.adviceWith(context, "v1-send-message",
                route -> route.weaveById("v1-accept").replace().to("mock:accept-message"));
        AdviceWith.adviceWith(context, "v1-revoke-message",
                route -> route.weaveById("v1-publish-revoked").replace().to("mock:publish-event"));
    }

    @Test
    void shouldAcceptAValidSmsForTheCallersTenantAndAnswerQueued() throws Exception {
        MockEndpoint accept = AcceptStandIn.recording(getMockEndpoint("mock:accept-message"));
        accept.expectedMessageCount(1);

        Exchange answer = post("direct:v1-send-message", Fixtures.bytes("v1/sms.json"), "Authorization", KEY);

        accept.assertIsSatisfied();
        Message accepted = accept.getReceivedExchanges().get(0).getMessage().getBody(Message.class);
        assertThat(accepted.tenantId()).isEqualTo("demo");
        assertThat(accepted.sourceDialect()).isEqualTo(Dialect.V1);
        assertThat(accepted.recipient()).isEqualTo("+14155550123");
        assertThat(accepted.createdAt()).isEqualTo(NOW);
        assertThat(status(answer)).isEqualTo(202);
        assertThat(answer.getMessage().getHeader("Idempotent-Replayed")).isNull();
        JsonNode queued = json(answer);
        assertThat(queued.path("message_id").asText()).isEqualTo(accepted.id());
        assertThat(queued.path("status").asText()).isEqualTo("queued");
        assertThat(queued.path("created_at").asText()).isEqualTo("2026-12-07T10:00:00Z");
    }

    @Test
    void shouldAnswerARepeatedKeyWithTheOriginalMessageMarkedReplayed() {
        Message original = new V1MessageToCanonical(Clock.fixed(NOW, ZoneOffset.UTC))
                .toCanonical(Fixtures.read("v1/sms.json", V1SendRequest.class), "demo",
                        NOW.minusSeconds(60));
        AcceptStandIn.replaying(getMockEndpoint("mock:accept-message"), original);

        Exchange answer = post("direct:v1-send-message", Fixtures.bytes("v1/sms.json"), "Authorization", KEY);

        assertThat(status(answer)).isEqualTo(202);
        assertThat(answer.getMessage().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(json(answer).path("message_id").asText()).isEqualTo(original.id());
    }

    @Test
    void shouldRefuseAnInvalidBodyFieldByFieldAndAcceptNothing() throws Exception {
        getMockEndpoint("mock:accept-message").expectedMessageCount(0);

        Exchange answer = postSmsWith("to", "12");

        assertThat(status(answer)).isEqualTo(400);
        JsonNode error = json(answer);
        assertThat(error.path("error").asText()).isEqualTo("validation_error");
        assertThat(error.path("details").findValuesAsText("field")).containsExactly("to");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldRefuseAConversationMessageOutsideAnOpenConversationAndAcceptNothing() throws Exception {
        getMockEndpoint("mock:accept-message").expectedMessageCount(0);

        Exchange answer = postSmsWith("message_type", "CONVERSATION");

        assertThat(status(answer)).isEqualTo(422);
        assertThat(json(answer).path("error").asText()).isEqualTo("no_active_session");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldAcceptAConversationMessageInsideTheUsersOpenConversation() throws Exception {
        conversations.open.add("demo ch_sms_xxxx +14155550123");
        MockEndpoint accept = AcceptStandIn.recording(getMockEndpoint("mock:accept-message"));
        accept.expectedMessageCount(1);

        Exchange answer = postSmsWith("message_type", "CONVERSATION");

        assertThat(status(answer)).isEqualTo(202);
        accept.assertIsSatisfied();
    }

    @Test
    void shouldRefuseACallerWithoutAKnownKeyBeforeReadingTheBody() throws Exception {
        getMockEndpoint("mock:accept-message").expectedMessageCount(0);

        Exchange answer = post("direct:v1-send-message", "not even JSON".getBytes(StandardCharsets.UTF_8),
                "Authorization", "Bearer sk_nobody");

        assertThat(status(answer)).isEqualTo(401);
        assertThat(json(answer).path("message").asText()).isEqualTo("The API key is not valid.");
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void shouldAnswerTheStatusOfTheCallersMessageAsTheStoreSeesIt() {
        store.view = new MessageView("msg_1", "demo", Dialect.V1, Channel.SMS, "ch_sms_xxxx", "+14155550123",
                "sent", NOW, NOW.plusSeconds(2), List.of(
                        new MessageView.TimelineEntry(EventType.QUEUED, NOW, Channel.SMS, null),
                        new MessageView.TimelineEntry(EventType.SENT, NOW.plusSeconds(2), Channel.SMS, null)));

        Exchange answer = onMessage("direct:v1-get-message", "msg_1");

        assertThat(store.calls).containsExactly("view demo msg_1");
        JsonNode status = json(answer);
        assertThat(status.path("id").asText()).isEqualTo("msg_1");
        assertThat(status.path("message_id").asText()).isEqualTo("msg_1");
        assertThat(status.path("status").asText()).isEqualTo("sent");
        assertThat(status.path("events").findValuesAsText("type"))
                .containsExactly(EventType.QUEUED.statusWord(), EventType.SENT.statusWord());
    }

    @Test
    void shouldAnswerNotFoundForAMessageTheTenantDoesNotHave() {
        store.missing = new NotFoundException("No message msg_9.");

        Exchange answer = onMessage("direct:v1-get-message", "msg_9");

        assertThat(status(answer)).isEqualTo(404);
        assertThat(json(answer).path("message").asText()).isEqualTo("No message msg_9.");
    }

    @Test
    void shouldRevokeTheCallersMessageAnnounceItAndAnswerRevoked() throws Exception {
        store.revoked = new DeliveryEvent("evt_1", EventType.REVOKED, NOW, "msg_1", "demo", null, null, Channel.SMS,
                "revoked by the client", null);
        MockEndpoint published = getMockEndpoint("mock:publish-event");
        published.expectedBodiesReceived(store.revoked);

        Exchange answer = onMessage("direct:v1-revoke-message", "msg_1");

        published.assertIsSatisfied();
        assertThat(store.calls).containsExactly("revoke demo msg_1");
        JsonNode revoked = json(answer);
        assertThat(revoked.path("id").asText()).isEqualTo("msg_1");
        assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.path("revoked_at").asText()).isEqualTo("2026-12-07T10:00:00Z");
    }

    /** A GET or DELETE of /v1/messages/{id}, as its REST verb hands it to the route. */
    private Exchange onMessage(String uri, String id) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setHeader("Authorization", KEY);
            exchange.getMessage().setHeader("id", id);
        });
    }

    /** The message store's reads and revokes, as the test scripts them, noting each call. */
    public static class ScriptedStore {
        final List<String> calls = new ArrayList<>();
        MessageView view;
        DeliveryEvent revoked;
        NotFoundException missing;

        public MessageView view(String tenantId, String messageId) {
            calls.add("view " + tenantId + " " + messageId);
            if (missing != null) {
                throw missing;
            }
            return view;
        }

        public DeliveryEvent revoke(String tenantId, String messageId) {
            calls.add("revoke " + tenantId + " " + messageId);
            return revoked;
        }
    }

    /** The v1 SMS example with one field changed, posted by the demo tenant. */
    private Exchange postSmsWith(String field, String value) throws Exception {
        ObjectNode body = (ObjectNode) Fixtures.tree("v1/sms.json");
        body.put(field, value);
        return post("direct:v1-send-message", Fixtures.MAPPER.writeValueAsBytes(body), "Authorization", KEY);
    }

    /** Conversations held in memory: "tenant agent user" of each open one. */
    static final class OpenConversations extends Conversations {
        final Set<String> open = new HashSet<>();

        OpenConversations() {
            super(null, null, null, Duration.ofHours(24));
        }

        @Override
        public boolean isOpen(String tenantId, String agent, String user) {
            return open.contains(tenantId + " " + agent + " " + user);
        }
    }
}
