package io.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * JSON fixture files under {@code src/test/resources/fixtures} and the golden carrier requests under
 * {@code src/test/resources/golden}, read with the hub's own Jackson configuration.
 */
public final class Fixtures {

    public static final ObjectMapper MAPPER = Json.newMapper();

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        return resource("/fixtures/" + name);
    }

    /** The exact request a carrier dialect receives, e.g. {@code golden("channels/sms.json")}. */
    public static byte[] goldenBytes(String name) {
        return resource("/golden/" + name);
    }

    public static JsonNode golden(String name) {
        try {
            return MAPPER.readTree(goldenBytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String name) {
        try {
            return MAPPER.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON text, such as a body a route wrote, as a tree. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String name, Class<T> type) {
        try {
            return MAPPER.readValue(bytes(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
