package io.switchboard.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.json.Json;
import io.switchboard.model.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a trip through a dialect cannot bring back, read from the one place that lists it:
 * {@code translation/losses.yaml}. docs/MAPPING.md explains every entry by its id. The round-trip tests compare
 * canonical messages only after {@link #comparable} has applied the losses of the dialect they went through, so a
 * field that changes without an entry, or an entry whose promise does not hold, fails them.
 */
public record TranslationLosses(List<String> hubFields, List<Loss> losses) {

    private static final ObjectMapper MAPPER = Json.newMapper();
    /** A path segment: a name, where {@code *} matches any characters, and an optional {@code [condition]}. */
    private static final Pattern SEGMENT = Pattern.compile("([^\\[]+)(?:\\[([^]]+)])?");

    public static TranslationLosses read() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
        try (InputStream in = TranslationLosses.class.getResourceAsStream("/translation/losses.yaml")) {
            return yaml.readValue(in, TranslationLosses.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What happens to the fields at {@code paths} on a trip through any dialect of {@code through}, for every message
     * or only those all conditions of {@code when} hold for. A path is a JSON pointer into the canonical message
     * whose segments may hold {@code *} (any characters of a key or index: {@code *}, {@code pinnacle.*}) and end in
     * a condition on the child they match ({@code *[target=BROWSER]}, {@code card[!media]}); {@code **} stands for
     * any number of levels.
     *
     * @param effect {@code dropped}: the field comes back empty; {@code filled}: a field the original left empty
     *               comes back with a value (a given one comes back as it was); {@code approximated}: the field comes
     *               back changed, as MAPPING.md describes (a path found on either side is left out of both);
     *               {@code refused}: the dialect cannot write the message at all (no paths)
     */
    public record Loss(String id, List<String> through, Effect effect, List<String> paths, List<When> when) {

        public Loss {
            paths = paths == null ? List.of() : paths;
            when = when == null ? List.of() : when;
        }

        boolean appliesTo(JsonNode original, String dialect) {
            return through.contains(dialect) && when.stream().allMatch(condition -> condition.holdsFor(original));
        }
    }

    /** Holds for a message whose value at {@code path} is one of {@code is}. */
    public record When(String path, List<String> is) {

        boolean holdsFor(JsonNode message) {
            return is.contains(message.at(path).asText());
        }
    }

    public enum Effect {
        DROPPED, FILLED, APPROXIMATED, REFUSED;

        @com.fasterxml.jackson.annotation.JsonCreator
        static Effect of(String name) {
            return valueOf(name.toUpperCase());
        }
    }

    /** The refusal a message meets in {@code dialect}, or null when the dialect can write it. */
    public Loss refusal(Message message, String dialect) {
        JsonNode tree = MAPPER.valueToTree(message);
        return losses.stream()
                .filter(loss -> loss.effect() == Effect.REFUSED && loss.appliesTo(tree, dialect))
                .findFirst().orElse(null);
    }

    /**
     * The two messages as JSON trees that must be equal after a trip through {@code dialect}: hub-assigned fields
     * and empty values removed, each loss applied after its promise was checked.
     */
    public Map.Entry<JsonNode, JsonNode> comparable(Message original, Message returned, String dialect) {
        ObjectNode before = prune(MAPPER.valueToTree(original));
        ObjectNode after = prune(MAPPER.valueToTree(returned));
        hubFields.forEach(field -> {
            before.remove(field);
            after.remove(field);
        });
        JsonNode sent = MAPPER.valueToTree(original);
        for (Loss loss : losses) {
            if (!loss.appliesTo(sent, dialect)) {
                continue;
            }
            for (String path : loss.paths()) {
                switch (loss.effect()) {
                    case DROPPED -> {
                        assertThat(find(after, path))
                                .as("%s promises %s comes back empty from %s", loss.id(), path, dialect)
                                .isEmpty();
                        find(before, path).forEach(found -> remove(before, found));
                    }
                    case FILLED -> find(after, path).stream()
                            .filter(found -> before.at(found).isMissingNode())
                            .forEach(found -> remove(after, found));
                    case APPROXIMATED -> {
                        // a condition may hold on one side only (card[!title] once the title is filled in)
                        Set<String> found = new LinkedHashSet<>(find(before, path));
                        found.addAll(find(after, path));
                        found.forEach(pointer -> {
                            remove(before, pointer);
                            remove(after, pointer);
                        });
                    }
                    case REFUSED -> {
                        // a refused message never makes the trip
                    }
                }
            }
        }
        return Map.entry(prune(before), prune(after));
    }

    /** The concrete pointers in {@code tree} the pattern matches. */
    static List<String> find(JsonNode tree, String pattern) {
        List<String> found = new ArrayList<>();
        collect(tree, pattern.substring(1).split("/"), 0, "", found);
        return found;
    }

    private static void collect(JsonNode node, String[] segments, int index, String at, List<String> found) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (index == segments.length) {
            found.add(at);
            return;
        }
        String segment = segments[index];
        if (segment.equals("**")) {
            collect(node, segments, index + 1, at, found);
            children(node).forEach((name, child) -> collect(child, segments, index, at + "/" + name, found));
            return;
        }
        Matcher parts = SEGMENT.matcher(segment);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Not a loss path segment: " + segment);
        }
        Pattern name = Pattern.compile(Pattern.quote(parts.group(1)).replace("*", "\\E.*\\Q"));
        String condition = parts.group(2);
        children(node).forEach((key, child) -> {
            if (name.matcher(key).matches() && (condition == null || holds(child, condition))) {
                collect(child, segments, index + 1, at + "/" + key, found);
            }
        });
    }

    /** {@code key=value}: the child's field has that value; {@code !key}: the child has no such field. */
    private static boolean holds(JsonNode child, String condition) {
        if (condition.startsWith("!")) {
            JsonNode field = child.get(condition.substring(1));
            return field == null || field.isNull();
        }
        String[] keyAndValue = condition.split("=", 2);
        return child.path(keyAndValue[0]).asText().equals(keyAndValue[1]);
    }

    /** An object's fields or an array's elements by index, in order. */
    private static Map<String, JsonNode> children(JsonNode node) {
        Map<String, JsonNode> children = new LinkedHashMap<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                children.put(String.valueOf(i), node.get(i));
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> children.put(field.getKey(), field.getValue()));
        }
        return children;
    }

    /** Replaces the value at the pointer by null, so array indexes of its siblings stay as they were. */
    private static void remove(JsonNode tree, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(name);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), MAPPER.nullNode());
        }
    }

    /** Drops nulls, empty arrays and empty objects: the canonical model does not tell them apart. */
    static ObjectNode prune(ObjectNode tree) {
        Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
        while (fields.hasNext()) {
            JsonNode value = fields.next().getValue();
            pruneChildren(value);
            if (isEmpty(value)) {
                fields.remove();
            }
        }
        return tree;
    }

    private static void pruneChildren(JsonNode value) {
        if (value instanceof ObjectNode object) {
            prune(object);
        } else if (value instanceof ArrayNode array) {
            array.forEach(TranslationLosses::pruneChildren);
        }
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isNull() || (value.isContainerNode() && value.isEmpty());
    }
}
