package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.BodyMutations;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.HubClient;
import io.switchboard.testing.HubIntegrationTest;
import java.time.Duration;
import java.util.Random;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated variations of valid bodies, sent over HTTP: the hub never answers 5xx, and switchboard.outbound gains
 * exactly one message per accepted body, so no refused body left anything there. (The count is checked once all are
 * sent: the broker adds a durable message to its queue when the journal write completes, which can trail the answer
 * to the sender.) The seed is fixed, so a failure repeats.
 */
class GeneratedBodiesIntegrationTest extends HubIntegrationTest {

    private static final int BODIES_PER_FIXTURE = 120;
    private static final String OUTBOUND = "switchboard.outbound";

    @ParameterizedTest
    @CsvSource({
        "/v1/messages, v1/send-text-with-suggestions.json, Authorization, Bearer sk_dev_v1",
        "/v1/messages, v1/rich-card-standalone.json, Authorization, Bearer sk_dev_v1",
        "/v1/messages, v1/rich-card-carousel.json, Authorization, Bearer sk_dev_v1",
        "/v1/messages, v1/sms.json, Authorization, Bearer sk_dev_v1",
        "/messages/send/sms, pinnacle/send-sms.json, PINNACLE-API-KEY, sk_dev_pinnacle",
        "/messages/send/mms, pinnacle/send-mms.json, PINNACLE-API-KEY, sk_dev_pinnacle",
        "/messages/send/rcs, pinnacle/send-rcs-every-button.json, PINNACLE-API-KEY, sk_dev_pinnacle",
        "/messages/send/rcs, pinnacle/send-rcs-cards.json, PINNACLE-API-KEY, sk_dev_pinnacle",
        "/v5/messages, v5/seed/rcs-text.json, Authorization, Basic ZGV2OnNrX2Rldl92NQ==",
        "/v5/messages, v5/seed/rcs-card.json, Authorization, Basic ZGV2OnNrX2Rldl92NQ==",
        "/v5/messages, v5/seed/rcs-carousel.json, Authorization, Basic ZGV2OnNrX2Rldl92NQ==",
        "/v5/messages, v5/every-choice-type.json, Authorization, Basic ZGV2OnNrX2Rldl92NQ=="})
    void shouldNeverFailAndNeverEnqueueARefusedBody(String path, String fixture, String header, String credential) {
        // a jqwik session lets the generators run inside a Spring test; its seed makes the bodies repeatable
        JqwikSession.run(String.valueOf(fixture.hashCode()), () -> sendMutations(path, fixture, header, credential));
    }

    private void sendMutations(String path, String fixture, String header, String credential) {
        RandomGenerator<BodyMutations.Mutation> mutations =
                BodyMutations.of(Fixtures.tree(fixture)).generator(1000);
        Random random = JqwikSession.getRandom().orElseThrow();
        long start = messagesAdded(OUTBOUND);
        long accepted = 0;
        for (int i = 0; i < BODIES_PER_FIXTURE; i++) {
            BodyMutations.Mutation mutation = mutations.next(random).value();

            HubClient.Response response = hub().post(path, mutation.body(), header, credential,
                    "Content-Type", "application/json");

            assertThat(response.status()).as(mutation + " -> " + response).isLessThan(500);
            if (response.status() < 300) {
                accepted++;
            }
        }
        long expected = accepted;
        assertThat(accepted).as("the mutations mostly break the body").isLessThan(BODIES_PER_FIXTURE / 2);
        eventually().during(Duration.ofMillis(300)).until(() -> messagesAdded(OUTBOUND) - start, added -> added == expected);
    }
}
