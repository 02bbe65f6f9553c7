package io.switchboard.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
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
        Arbitrary<List<Object>> path = Arbitraries.of(paths(valid));
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
                Tuple.of(2, cut(bytes)),
                Tuple.of(2, Arbitraries.integers().between(0, bytes.length - 1).flatMap(at -> Arbitraries.bytes()
                        .map(value -> {
                            byte[] corrupted = bytes.clone();
                            corrupted[at] = value;
                            return new Mutation("byte " + at + " set to " + value, corrupted);
                        }))));
    }

    /**
     * Variations no reader of the hub's may accept: a field given a value of another JSON type (never null, which an
     * optional field takes), or one of the {@link #malformed} bodies.
     */
    public static Arbitrary<Mutation> invalid(JsonNode valid) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(paths(valid)).flatMap(at -> otherType(nodeAt(valid, at)).map(
                        by -> mutate(valid, at, "given another JSON type, " + describe(by), by)))),
                Tuple.of(5, malformed(valid)));
    }

    /**
     * Bodies that are not one JSON object even to a lenient reader: a field named twice in its object, a byte sequence
     * that is not UTF-8 anywhere in the body, or the body cut short.
     */
    public static Arbitrary<Mutation> malformed(JsonNode valid) {
        List<List<Object>> fields = paths(valid).stream()
                .filter(at -> at.get(at.size() - 1) instanceof String).toList();
        byte[] bytes = bytes(valid);
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(fields).map(at -> new Mutation(at + " named twice",
                        withFieldTwice(valid, at)))),
                Tuple.of(2, Arbitraries.integers().between(0, bytes.length).flatMap(at -> Arbitraries.of(NOT_UTF8)
                        .map(sequence -> {
                            byte[] broken = new byte[bytes.length + sequence.length];
                            System.arraycopy(bytes, 0, broken, 0, at);
                            System.arraycopy(sequence, 0, broken, at, sequence.length);
                            System.arraycopy(bytes, at, broken, at + sequence.length, bytes.length - at);
                            return new Mutation(HexFormat.of().formatHex(sequence) + " at byte " + at, broken);
                        }))),
                Tuple.of(1, cut(bytes)));
    }

    private static Arbitrary<Mutation> cut(byte[] bytes) {
        return Arbitraries.integers().between(1, bytes.length - 1).map(
                cut -> new Mutation("cut after " + cut + " bytes", Arrays.copyOf(bytes, cut)));
    }

    /** The path of every field and array item, outermost first. */
    private static List<List<Object>> paths(JsonNode valid) {
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(valid, new ArrayList<>(), paths);
        return paths;
    }

    /** A lone continuation byte, a byte UTF-8 never uses, an overlong '/', an encoded surrogate, a cut sequence. */
    private static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});

    /** A value of another JSON type than the node's, which no strict reader converts. */
    private static Arbitrary<JsonNode> otherType(JsonNode node) {
        List<Arbitrary<JsonNode>> others = new ArrayList<>();
        if (!node.isTextual()) {
            others.add(Arbitraries.strings().ofMaxLength(20).map(NODES::textNode));
        }
        if (!node.isNumber()) {
            others.add(Arbitraries.integers().map(NODES::numberNode));
            others.add(Arbitraries.doubles().map(NODES::numberNode));
        }
        if (!node.isBoolean()) {
            others.add(Arbitraries.of(true, false).map(NODES::booleanNode));
        }
        if (!node.isObject()) {
            others.add(Arbitraries.just(NODES.objectNode().put("text", "nested")));
            others.add(Arbitraries.just(deepNesting()));
        }
        if (!node.isArray()) {
            others.add(Arbitraries.just(NODES.arrayNode().add("item")));
        }
        return Arbitraries.oneOf(others);
    }

    private static JsonNode nodeAt(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object segment : path) {
            node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
        }
        return node;
    }

    /** The body with the field at {@code twice} written twice, with the same value, where it stands. */
    private static byte[] withFieldTwice(JsonNode valid, List<Object> twice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = Fixtures.MAPPER.getFactory().createGenerator(out)) {
            write(generator, valid, List.of(), twice);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator generator, JsonNode node, List<Object> at, List<Object> twice)
            throws IOException {
        if (node.isObject()) {
            generator.writeStartObject();
            for (var field : node.properties()) {
                List<Object> child = append(at, field.getKey());
                int times = child.equals(twice) ? 2 : 1;
                for (int i = 0; i < times; i++) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue(), child, twice);
                }
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (int i = 0; i < node.size(); i++) {
                write(generator, node.get(i), append(at, i), twice);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return longer;
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
        JsonNode parent = nodeAt(copy, path.subList(0, path.size() - 1));
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
                List<Object> child = append(at, name);
                paths.add(child);
                collectPaths(node.get(name), child, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = append(at, i);
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
