package io.switchboard.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Generated variations of a valid request body: a field removed, nulled, given another JSON type, an endless or
 * exotic string, a huge array, an unknown field, deep nesting, or the bytes cut or corrupted. Most are invalid; some
 * (an unknown field, say) are still valid, and the hub must accept those.
 */
public final class BodyMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BodyMutations() {
    }

    /** @param description what was changed, for the failure message */
    public record Mutation(String description, byte[] body) {

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return description + ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    public static Arbitrary<Mutation> of(JsonNode valid) {
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(valid, new ArrayList<>(), paths);
        Arbitrary<List<Object>> path = Arbitraries.of(paths);
        byte[] bytes = bytes(valid);
        return Arbitraries.frequencyOf(
                Tuple.of(3, path.map(at -> mutate(valid, at, "removed", null))),
                Tuple.of(8, Arbitraries.lazy(() -> path.flatMap(at -> replacement().map(
                        by -> mutate(valid, at, "replaced by " + describe(by), by))))),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(name -> {
                    ObjectNode copy = valid.deepCopy();
                    copy.put(name, "surplus");
                    return new Mutation("unknown field " + name, bytes(copy));
                })),
                Tuple.of(2, Arbitraries.integers().between(1, bytes.length - 1).map(
                        cut -> new Mutation("cut after " + cut + " bytes", Arrays.copyOf(bytes, cut)))),
                Tuple.of(2, Arbitraries.integers().between(0, bytes.length - 1).flatMap(at -> Arbitraries.bytes()
                        .map(value -> {
                            byte[] corrupted = bytes.clone();
                            corrupted[at] = value;
                            return new Mutation("byte " + at + " set to " + value, corrupted);
                        }))));
    }

    private static Arbitrary<JsonNode> replacement() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.just(NODES.numberNode(1e308)),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.strings().ofMaxLength(40).map(NODES::textNode),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(30).map(NODES::textNode),
                Arbitraries.just(NODES.textNode("x".repeat(5000))),
                Arbitraries.just(NODES.textNode("UNKNOWN_VALUE")),
                Arbitraries.just(NODES.textNode("")),
                Arbitraries.just((JsonNode) NODES.arrayNode()),
                Arbitraries.just((JsonNode) NODES.objectNode()),
                Arbitraries.just(manyItems()),
                Arbitraries.just(deepNesting()));
    }

    private static Mutation mutate(JsonNode valid, List<Object> path, String what, JsonNode replacement) {
        JsonNode copy = valid.deepCopy();
        JsonNode parent = copy;
        for (Object segment : path.subList(0, path.size() - 1)) {
            parent = segment instanceof Integer index ? parent.get(index) : parent.get((String) segment);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ArrayNode array = (ArrayNode) parent;
            if (replacement == null) {
                array.remove(index);
            } else {
                array.set(index, replacement);
            }
        } else if (replacement == null) {
            ((ObjectNode) parent).remove((String) last);
        } else {
            ((ObjectNode) parent).set((String) last, replacement);
        }
        return new Mutation(path + " " + what, bytes(copy));
    }

    private static void collectPaths(JsonNode node, List<Object> at, List<List<Object>> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                List<Object> child = new ArrayList<>(at);
                child.add(name);
                paths.add(child);
                collectPaths(node.get(name), child, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = new ArrayList<>(at);
                child.add(i);
                paths.add(child);
                collectPaths(node.get(i), child, paths);
            }
        }
    }

    private static JsonNode manyItems() {
        ArrayNode items = NODES.arrayNode();
        for (int i = 0; i < 200; i++) {
            items.addObject().put("text", "item " + i);
        }
        return items;
    }

    private static JsonNode deepNesting() {
        ObjectNode root = NODES.objectNode();
        ObjectNode node = root;
        for (int i = 0; i < 300; i++) {
            node = node.putObject("deeper");
        }
        return root;
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return Fixtures.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
