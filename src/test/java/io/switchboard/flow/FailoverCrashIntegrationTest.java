package io.switchboard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sandbox.SandboxLedger;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A failover that breaks after it claimed leg 2 and before the carrier call (as a crash would) is rolled back and
 * redelivered by the broker: the redelivery, the same request, resumes the leg it claimed, and one SMS goes out. Its
 * own context, since it rewires the failover route.
 */
class FailoverCrashIntegrationTest extends HubIntegrationTest {

    @Autowired
    private CamelContext camel;

    @Autowired
    private SandboxLedger sandbox;

    @DynamicPropertySource
    static void ownContext(DynamicPropertyRegistry registry) {
        registry.add("switchboard.test.context", () -> "failover-crash");
    }

    @Test
    void shouldResumeTheClaimedLegOnRedeliveryAndSendItOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AdviceWith.adviceWith(camel, "failover", route -> route.weaveById("failover-send-leg").before()
                .process(exchange -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("the hub stopped before the carrier call");
                    }
                }));
        String recipient = "+15550610100";

        String messageId = sendV1(recipient);

        eventually().until(() -> timeline(messageId), List.of("queued", "failover", "sent", "delivered")::equals);
        assertThat(attempts).hasValue(2);
        eventually().during(Duration.ofMillis(500)).until(() -> sandbox.entries().stream()
                .filter(entry -> entry.carrier().equals("sandbox-channels") && entry.recipient().equals(recipient))
                .count() == 1);
    }
}
