package io.switchboard.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testing.HubIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every dialect transformer is registered in the running hub and found by the name routes use. */
class TransformerRegistrationIntegrationTest extends HubIntegrationTest {

    @Autowired
    private CamelContext camel;

    @ParameterizedTest
    @ValueSource(strings = {"v5:message", "v1:message", "channels:message", "pinnacle:sms", "pinnacle:mms",
        "pinnacle:rcs"})
    void shouldFindEveryCarrierRequestWriterByItsName(String name) {
        Transformer byName = camel.getTransformerRegistry().resolveTransformer(new TransformerKey(name));
        Transformer byTypes = camel.getTransformerRegistry().resolveTransformer(
                new TransformerKey(new DataType("canonical:message"), new DataType(name)));

        assertThat(byName).as(name).isNotNull();
        assertThat(byName.getName()).isEqualTo(name);
        assertThat(byTypes).isSameAs(byName);
    }

    @ParameterizedTest
    @CsvSource({
        "v1:message, canonical:message", "v5:message, canonical:message", "pinnacle:sms, canonical:message",
        "pinnacle:mms, canonical:message", "pinnacle:rcs, canonical:message", "channels:message, canonical:message",
        "v5:callback, canonical:delivery-event", "v1:callback, canonical:delivery-event",
        "channels:callback, canonical:delivery-event", "pinnacle:callback, canonical:delivery-event",
        "v5:inbound, canonical:inbound-event", "v1:inbound, canonical:inbound-event",
        "channels:inbound, canonical:inbound-event", "pinnacle:inbound, canonical:inbound-event"
    })
    void shouldFindEveryReaderByItsTypes(String from, String to) {
        Transformer reader = camel.getTransformerRegistry().resolveTransformer(
                new TransformerKey(new DataType(from), new DataType(to)));

        assertThat(reader).as(from + " to " + to).isNotNull();
        assertThat(reader.getFrom()).isEqualTo(new DataType(from));
        assertThat(reader.getTo()).isEqualTo(new DataType(to));
    }
}
