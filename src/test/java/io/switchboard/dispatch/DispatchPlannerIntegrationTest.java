package io.switchboard.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.model.Channel;
import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.EventType;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.model.SmsContent;
import io.switchboard.model.TemplateContent;
import io.switchboard.store.MessageStore;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dispatch's decision with the hub's own routing table, carriers, store and intake: what is sent, through which
 * carrier, and what is skipped or failed instead.
 */
class DispatchPlannerIntegrationTest extends HubIntegrationTest {

    /** config/routing.yaml's rule sandbox-v1-numbers sends these to the v1 sandbox carrier, which has no templates. */
    private static final String V1_CARRIER_NUMBER = "+15557209";

    @Autowired
    private DispatchPlanner planner;

    @Autowired
    private MessageStore messages;

    @Test
    void shouldSendThroughTheRulesCarrierWithItsFirstLegClaimed() throws Exception {
        Message message = message(V1_CARRIER_NUMBER + "10001", new SmsContent("hello"), null);

        DispatchPlan plan = planner.plan(message);

        assertThat(plan).isInstanceOfSatisfying(DispatchPlan.Send.class, send -> {
            assertThat(send.carrier().id()).isEqualTo("sandbox-v1");
            assertThat(send.message().channel()).isEqualTo(Channel.SMS);
            assertThat(send.leg().legNumber()).isEqualTo(1);
            assertThat(send.leg().route().rule()).isEqualTo("sandbox-v1-numbers");
            assertThat(send.carrierFailover()).isNull();
        });
    }

    @Test
    void shouldFailContentTheRulesCarrierCannotCarryNamingTheRule() throws Exception {
        Message message = message(V1_CARRIER_NUMBER + "10002",
                new TemplateContent("project", "v1", "en", List.of()), null);

        DispatchPlan plan = planner.plan(message);

        assertThat(plan).isInstanceOfSatisfying(DispatchPlan.Fail.class, fail -> {
            assertThat(fail.event().type()).isEqualTo(EventType.FAILED);
            assertThat(fail.event().reason()).contains("sandbox-v1", "'sandbox-v1-numbers'", "does not carry");
        });
    }

    @Test
    void shouldSkipARevokedMessage() throws Exception {
        Message message = message(V1_CARRIER_NUMBER + "10003", new SmsContent("never mind"), null);
        messages.accept(message);
        messages.revoke(message.tenantId(), message.id());

        DispatchPlan plan = planner.plan(message);

        assertThat(plan).isInstanceOfSatisfying(DispatchPlan.Skip.class,
                skip -> assertThat(skip.reason()).contains(message.id(), "revoked"));
    }

    @Test
    void shouldSkipAMessageAnotherHoldsTheIdempotencyKeyOf() throws Exception {
        String key = "dispatch-planner-" + Ids.messageId();
        Message first = message(V1_CARRIER_NUMBER + "10004", new SmsContent("first"), key);
        Message second = message(V1_CARRIER_NUMBER + "10004", new SmsContent("second"), key);
        messages.accept(first);

        DispatchPlan plan = planner.plan(second);

        assertThat(plan).isInstanceOfSatisfying(DispatchPlan.Skip.class,
                skip -> assertThat(skip.reason()).contains(second.id(), first.id(), "idempotency key"));
    }

    private static Message message(String recipient, Content content, String idempotencyKey) {
        return new Message(Ids.messageId(), "demo", Dialect.V1, idempotencyKey, "+15550000001", recipient, content,
                FailoverPlan.none(), null, null, null, null, Instant.now());
    }
}
