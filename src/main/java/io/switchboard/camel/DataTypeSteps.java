package io.switchboard.camel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.processor.transformer.DataTypeProcessor;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.stereotype.Component;

/**
 * Camel's {@code transformDataType} step, for route templates: the step takes its data types as written, so a
 * template parameter in them ({@code pinnacle:{{channel}}}) stays unreplaced, while a bean call's arguments are
 * replaced. It runs Camel's own data type processor, one per pair of types.
 */
@Component("dataTypes")
public class DataTypeSteps {

    private final Map<List<String>, DataTypeProcessor> processors = new ConcurrentHashMap<>();

    public void transform(Exchange exchange, String fromType, String toType) throws Exception {
        DataTypeProcessor processor = processors.computeIfAbsent(List.of(fromType, toType), types -> {
            DataTypeProcessor step = new DataTypeProcessor(fromType, toType);
            step.setCamelContext(exchange.getContext());
            ServiceHelper.startService(step);
            return step;
        });
        processor.process(exchange);
        Exception failure = exchange.getException();
        if (failure != null) {
            exchange.setException(null);
            throw failure;
        }
    }
}
