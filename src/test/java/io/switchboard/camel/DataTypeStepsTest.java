package io.switchboard.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The data type step of route templates finds the transformer of its two types, as transformDataType does. */
class DataTypeStepsTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final DataTypeSteps steps = new DataTypeSteps();

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void shouldTransformWithTheTransformerOfTheTwoTypes() throws Exception {
        Transformer upperCase = new Transformer() {
            @Override
            public void transform(Message message, DataType from, DataType to) {
                message.setBody(message.getBody(String.class).toUpperCase());
            }
        };
        upperCase.setFrom("test:lower");
        upperCase.setTo("test:upper");
        camel.getTransformerRegistry().put(TransformerKey.createFrom(upperCase), upperCase);
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody("sms");

        steps.transform(exchange, "test:lower", "test:upper");

        assertThat(exchange.getMessage().getBody()).isEqualTo("SMS");
    }

    @Test
    void shouldFailWhenNoTransformerJoinsTheTwoTypes() {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody("sms");

        assertThatThrownBy(() -> steps.transform(exchange, "test:lower", "test:unknown"))
                .hasMessageContaining("test:unknown");
    }
}
