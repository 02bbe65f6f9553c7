package io.switchboard.sandbox;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.switchboard.api.FieldError;
import io.switchboard.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One change to a request fixture, for the tests of the sandbox carriers' rules: the field at a JSON pointer set to a
 * JSON value, removed ({@code REMOVE}), set to a text of {@code <n characters>} or to a list of {@code <n items>}.
 */
final class RequestEdit {

    static final String REMOVE = "REMOVE";
    private static final Pattern CHARACTERS = Pattern.compile("<([0-9]+) characters>");
    private static final Pattern ITEMS = Pattern.compile("<([0-9]+) items>");

    private RequestEdit() {
    }

    /** A copy of {@code fixture} with the change; {@code item} is what a list of {@code <n items>} repeats. */
    static JsonNode apply(JsonNode fixture, String pointer, String value, JsonNode item) {
        JsonNode copy = fixture.deepCopy();
        JsonPointer path = JsonPointer.compile(pointer);
        ContainerNode<?> parent = (ContainerNode<?>) copy.at(path.head());
        String last = path.last().getMatchingProperty();
        JsonNode replacement = value(value, item);
        if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (replacement == null) {
                array.remove(index);
            } else {
                array.set(index, replacement);
            }
        } else if (replacement == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        return copy;
    }

    /** Problems as {@code field: message}, the field bracketed as the carriers' error shapes write it. */
    static List<String> described(List<FieldError> problems) {
        return problems.stream().map(problem -> (problem.path().bracketed().isEmpty() ? "body"
                : problem.path().bracketed()) + ": " + problem.message()).toList();
    }

    private static JsonNode value(String value, JsonNode item) {
        if (REMOVE.equals(value)) {
            return null;
        }
        Matcher characters = CHARACTERS.matcher(value);
        if (characters.matches()) {
            return TextNode.valueOf("x".repeat(Integer.parseInt(characters.group(1))));
        }
        Matcher items = ITEMS.matcher(value);
        if (items.matches()) {
            ArrayNode list = Fixtures.MAPPER.createArrayNode();
            for (int i = 0; i < Integer.parseInt(items.group(1)); i++) {
                list.add(item.deepCopy());
            }
            return list;
        }
        try {
            return Fixtures.MAPPER.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
