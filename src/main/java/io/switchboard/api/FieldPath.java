package io.switchboard.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in a request body a problem is: a list of property names and array indexes. Each dialect prints it its own
 * way: v5 writes {@code cards.1.choices.0.url}, v1 writes {@code content.suggestions[0].reply.text}.
 */
public record FieldPath(List<Object> segments) {

    private static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        segments = List.copyOf(segments);
    }

    public static FieldPath root() {
        return ROOT;
    }

    public static FieldPath of(String field) {
        return ROOT.field(field);
    }

    public FieldPath field(String name) {
        return append(name);
    }

    public FieldPath index(int index) {
        return append(index);
    }

    private FieldPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new FieldPath(longer);
    }

    /** The last property name, such as {@code url} for {@code cards.1.choices.0.url}; empty for the root. */
    public String leaf() {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i) instanceof String name) {
                return name;
            }
        }
        return "";
    }

    /** Every segment joined with dots: {@code cards.1.choices.0.url}. */
    public String dotted() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(segment);
        }
        return out.toString();
    }

    /** Names joined with dots, indexes in brackets: {@code cards[1].choices[0].url}. */
    public String bracketed() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return dotted();
    }
}
