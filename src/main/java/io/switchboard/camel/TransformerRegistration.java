package io.switchboard.camel;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Transformer;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Registers every dialect transformer bean under its data type name ({@code v5:message}) or its from/to pair
 * ({@code v1:message} to {@code canonical:message}), so routes reach them with {@code transformDataType}.
 */
@Component
class TransformerRegistration implements CamelContextConfiguration {

    private final List<Transformer> transformers;

    TransformerRegistration(List<Transformer> transformers) {
        this.transformers = transformers;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        for (Transformer transformer : transformers) {
            transformer.setCamelContext(camelContext);
            camelContext.getTransformerRegistry().put(TransformerKey.createFrom(transformer), transformer);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once routes run
    }
}
