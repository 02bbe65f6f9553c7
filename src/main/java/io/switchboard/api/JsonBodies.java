package io.switchboard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.switchboard.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads a client's JSON body into a dialect's wire record, turning every Jackson failure into a field error, so a
 * malformed body is a 400 in the dialect's own shape and never a 500.
 *
 * <p>What clients send is read strictly ({@link Json#newStrictMapper()}): a value of another JSON type than its field's
 * is refused, never converted, and so is a field named twice. Carrier callbacks are parsed by the same strict parser
 * (a field named twice is refused there too: the signature covers bytes whose meaning would depend on the parser),
 * but their trees are then read leniently, by name, as carriers are loose about types and fields (FORMATS.md). The
 * answers of the carriers the hub calls are read leniently throughout: the hub must learn what became of a send it
 * made, whatever the carrier's quirks.
 */
@Component("jsonBodies")
public class JsonBodies {

    /** How Jackson words a field named twice ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}). */
    private static final String DUPLICATE_FIELD = "Duplicate field '";

    private final ObjectMapper strict = Json.newStrictMapper();
    private final ObjectMapper lenient;
    private final long maxBodyBytes;

    /**
     * @param maxBodySize the largest body read; HTTP bodies are already cut off before they get here, JMS bodies are
     *                    refused here
     */
    public JsonBodies(ObjectMapper mapper, @Value("${switchboard.api.max-body-size:256KB}") DataSize maxBodySize) {
        this.lenient = mapper;
        this.maxBodyBytes = maxBodySize.toBytes();
    }

    public <T> T read(byte[] body, String contentType, Class<T> type) {
        requireJson(contentType);
        return read(body, type);
    }

    public <T> T read(byte[] body, Class<T> type) {
        JsonNode tree = tree(body);
        try {
            return strict.treeToValue(tree, type);
        } catch (DatabindException e) {
            throw new MalformedBodyException(new FieldError(pathOf(e), typeProblem(e)));
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException(new FieldError(FieldPath.root(), e.getOriginalMessage()));
        }
    }

    /** A carrier's answer as a JSON tree, or a missing node when it is empty or not JSON at all. */
    public JsonNode treeOrMissing(String body) {
        try {
            return body == null || body.isBlank() ? lenient.missingNode() : lenient.readTree(body);
        } catch (JsonProcessingException e) {
            return lenient.missingNode();
        }
    }

    /** The body as a JSON object tree, for readers that go by field name, such as carrier callbacks. */
    public JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedBodyException(new FieldError(FieldPath.root(), "the body is empty"));
        }
        if (body.length > maxBodyBytes) {
            throw new BodyTooLargeException(maxBodyBytes);
        }
        JsonNode tree;
        try {
            tree = strict.readTree(body);
        } catch (StreamReadException e) {
            if (e.getOriginalMessage().startsWith(DUPLICATE_FIELD) && e.getProcessor() != null) {
                throw new MalformedBodyException(new FieldError(pathOf(e.getProcessor().getParsingContext()),
                        "appears more than once"));
            }
            throw new MalformedBodyException(new FieldError(FieldPath.root(), syntaxProblem(e)));
        } catch (IOException e) {
            throw new MalformedBodyException(new FieldError(FieldPath.root(), e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedBodyException(new FieldError(FieldPath.root(), "the body must be a JSON object"));
        }
        return tree;
    }

    static void requireJson(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new UnsupportedMediaTypeException(contentType);
        }
    }

    private static String syntaxProblem(StreamReadException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return e.getOriginalMessage().lines().findFirst().orElse("malformed JSON") + where;
    }

    private static FieldPath pathOf(DatabindException e) {
        List<Object> segments = new ArrayList<>();
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    segments.add(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    segments.add(reference.getIndex());
                }
            }
        }
        return new FieldPath(segments);
    }

    /** Where the parser stands: the field it read last in each enclosing object, the index in each array. */
    private static FieldPath pathOf(JsonStreamContext context) {
        List<Object> segments = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            segments.add(0, at.inArray() ? at.getCurrentIndex() : at.getCurrentName());
        }
        return new FieldPath(segments);
    }

    private static String typeProblem(DatabindException e) {
        // a text that is not one of the field's values; any other value has the wrong JSON type
        if (e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String) {
            return "has an invalid value '" + invalid.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has the wrong type";
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
