package io.switchboard.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.model.Message;
import io.switchboard.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client fixture of every dialect, accepted into the canonical model, written as a carrier request in every
 * carrier dialect and read back, is the message it was except for the losses translation/losses.yaml lists for
 * that dialect; a message a dialect cannot express is refused as the losses say.
 */
class TranslationMatrixTest {

    /** The request fixtures (Channels: the golden carrier requests), by the dialect that reads them. */
    private static final Map<String, List<String>> FIXTURES = Map.of(
            "v5", List.of("v5/every-choice-type.json", "v5/carousel-with-message-choices.json",
                    "v5/send-text-with-suggestions.json", "v5/seed/rcs-text.json", "v5/seed/rcs-media.json",
                    "v5/seed/rcs-card.json", "v5/seed/rcs-carousel.json", "v5/seed/card-choices.json",
                    "v5/seed/sms-failover.json", "v5/seed/mms-failover.json", "v5/seed/choice-reply.json",
                    "v5/seed/choice-open-url.json", "v5/seed/choice-dial-phone.json",
                    "v5/seed/choice-show-location.json", "v5/seed/choice-request-location.json",
                    "v5/seed/choice-create-calendar-event.json"),
            "v1", List.of("v1/rich-card-carousel.json", "v1/rich-card-standalone.json",
                    "v1/send-text-with-suggestions.json", "v1/sms.json"),
            "pinnacle-sms", List.of("pinnacle/send-sms.json"),
            "pinnacle-mms", List.of("pinnacle/send-mms.json"),
            "pinnacle-rcs", List.of("pinnacle/send-rcs-text.json", "pinnacle/send-rcs-media.json",
                    "pinnacle/send-rcs-cards.json", "pinnacle/send-rcs-standalone-card.json",
                    "pinnacle/send-rcs-every-button.json"),
            "channels", List.of("channels/sms.json", "channels/mms-images.json", "channels/mms-files.json",
                    "channels/template.json"));

    private static byte[] requestBody(String fixture) {
        return fixture.startsWith("channels/") ? Fixtures.goldenBytes(fixture) : Fixtures.bytes(fixture);
    }

    private static final TranslationLosses LOSSES = TranslationLosses.read();
    private final DialectTrips trips = new DialectTrips();

    static Stream<Arguments> fixturesByCarrierDialect() {
        return FIXTURES.entrySet().stream()
                .flatMap(dialect -> dialect.getValue().stream().map(fixture -> Map.entry(dialect.getKey(), fixture)))
                .flatMap(fixture -> DialectTrips.CARRIER_DIALECTS.stream()
                        .map(carrier -> Arguments.of(fixture.getKey(), fixture.getValue(), carrier)));
    }

    @ParameterizedTest(name = "{1} through {2}")
    @MethodSource("fixturesByCarrierDialect")
    void comesBackAsItWentExceptTheDocumentedLosses(String clientDialect, String fixture, String carrierDialect) {
        Message accepted = trips.accept(clientDialect, requestBody(fixture));

        TranslationLosses.Loss refusal = LOSSES.refusal(accepted, carrierDialect);
        if (refusal != null) {
            assertThatThrownBy(() -> trips.through(carrierDialect, accepted))
                    .as(refusal.id())
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        Map.Entry<JsonNode, JsonNode> trees = LOSSES.comparable(accepted,
                trips.through(carrierDialect, accepted), carrierDialect);
        assertThat(trees.getValue()).as("%s after %s", fixture, carrierDialect).isEqualTo(trees.getKey());
    }
}
