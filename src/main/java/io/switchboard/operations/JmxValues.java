package io.switchboard.operations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * Values of the hub's MBeans as Jolokia and Hawtio show them: records become the JSON objects the hub's ObjectMapper
 * makes of them, held as maps and lists of strings, numbers and booleans, which every JMX client can read.
 */
final class JmxValues {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json;

    JmxValues(ObjectMapper json) {
        this.json = json;
    }

    Map<String, Object> of(Object value) {
        return json.convertValue(value, OBJECT);
    }

    List<Map<String, Object>> each(List<?> values) {
        return values.stream().map(this::of).toList();
    }
}
