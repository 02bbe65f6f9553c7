package io.switchboard.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.model.Message;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated canonical messages of every kind survive a trip through every carrier dialect except for the losses
 * translation/losses.yaml lists, or are refused where it says so: the matrix test's promise, beyond the fixtures.
 */
class TranslationPropertiesTest {

    private static final TranslationLosses LOSSES = TranslationLosses.read();
    private final DialectTrips trips = new DialectTrips();

    @Provide
    Arbitrary<Message> messages() {
        return CanonicalMessages.messages();
    }

    @Provide
    Arbitrary<String> carrierDialects() {
        return Arbitraries.of(DialectTrips.CARRIER_DIALECTS);
    }

    @Property(tries = 400)
    void comesBackAsItWentExceptTheDocumentedLosses(@ForAll("messages") Message message,
            @ForAll("carrierDialects") String dialect) {
        TranslationLosses.Loss refusal = LOSSES.refusal(message, dialect);
        if (refusal != null) {
            assertThatThrownBy(() -> trips.through(dialect, message)).as(refusal.id())
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        Map.Entry<JsonNode, JsonNode> trees = LOSSES.comparable(message, trips.through(dialect, message), dialect);
        assertThat(trees.getValue()).isEqualTo(trees.getKey());
    }
}
