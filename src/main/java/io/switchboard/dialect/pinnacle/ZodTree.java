package io.switchboard.dialect.pinnacle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.api.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field errors in the shape of Zod's {@code z.treeifyError}, which Pinnacle's 400 bodies carry under
 * {@code errors}: every node has its own {@code errors} (messages); an object's fields nest under
 * {@code properties}, an array's elements under {@code items}, a list by position where an element without errors is
 * {@code null}. Only the nodes on the way to an error are present.
 *
 * <pre>{"errors": [], "properties": {"cards": {"errors": [], "items": [null, {"errors": [], "properties":
 *     {"title": {"errors": ["is required"]}}}]}}}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ZodTree {

    private final List<String> errors = new ArrayList<>();
    private Map<String, ZodTree> properties;
    private List<ZodTree> items;

    private ZodTree() {
    }

    public static ZodTree of(List<FieldError> fieldErrors) {
        ZodTree root = new ZodTree();
        for (FieldError error : fieldErrors) {
            ZodTree node = root;
            for (Object segment : error.path().segments()) {
                node = segment instanceof Integer index ? node.item(index) : node.property((String) segment);
            }
            node.errors.add(error.message());
        }
        return root;
    }

    private ZodTree property(String name) {
        if (properties == null) {
            properties = new LinkedHashMap<>();
        }
        return properties.computeIfAbsent(name, absent -> new ZodTree());
    }

    private ZodTree item(int index) {
        if (items == null) {
            items = new ArrayList<>();
        }
        while (items.size() <= index) {
            items.add(null);
        }
        if (items.get(index) == null) {
            items.set(index, new ZodTree());
        }
        return items.get(index);
    }

    public List<String> getErrors() {
        return errors;
    }

    public Map<String, ZodTree> getProperties() {
        return properties;
    }

    public List<ZodTree> getItems() {
        return items;
    }
}
