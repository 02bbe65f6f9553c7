package io.switchboard.dialect.channels;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code POST /workspaces/{workspaceId}/channels/{channelId}/messages} (seeds 002/003, FORMATS.md §4.1):
 * a receiver and either a {@code body} or a {@code template}, never both. Read leniently (unknown fields such as
 * {@code meta} or {@code replyTo} are ignored), written without the fields that are null.
 *
 * @param reference the sender's own id for the send; the hub puts its leg id here, so a callback can be matched to
 *                  the leg even before the carrier's message id is stored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChannelsMessage(Receiver receiver, Body body, Template template, String reference) {

    public ChannelsMessage withReference(String newReference) {
        return new ChannelsMessage(receiver, body, template, newReference);
    }

    /** Who gets the message: one phone number for an SMS channel. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Receiver(List<Contact> contacts) {

        public static Receiver phoneNumber(String number) {
            return new Receiver(List.of(new Contact(null, number)));
        }
    }

    /** {@code identifierKey} may be left out for phone numbers, as the SMS examples do. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String identifierKey, String identifierValue) {
    }

    /** Exactly one of text, image and file is set, the one {@code type} names. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Body(String type, Text text, Image image, File file) {

        public static final String TEXT = "text";
        public static final String IMAGE = "image";
        public static final String FILE = "file";

        public static Body text(String text) {
            return new Body(TEXT, new Text(text), null, null);
        }

        public static Body image(Image image) {
            return new Body(IMAGE, null, image, null);
        }

        public static Body file(File file) {
            return new Body(FILE, null, null, file);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String text) {
    }

    /** One to ten pictures, MMS channels only; {@code title} beside {@code text} is inferred (FORMATS.md §4.1). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(List<ImageItem> images, String text, String title) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImageItem(String mediaUrl, String altText) {
    }

    /** Files of any type (video, audio, PDF, vCard), MMS channels only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(List<FileItem> files, String text, String title) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FileItem(String contentType, String mediaUrl, String filename) {
    }

    /** A studio template; it must be active at the carrier. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Template(String projectId, String version, String locale, List<Parameter> parameters) {
    }

    /** {@code type} is {@code string} for the values the hub sends. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parameter(String type, String key, String value) {
    }
}
