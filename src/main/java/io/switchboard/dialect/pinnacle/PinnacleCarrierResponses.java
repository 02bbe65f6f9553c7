package io.switchboard.dialect.pinnacle;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.api.JsonBodies;
import io.switchboard.carrier.CarrierConnector;
import io.switchboard.carrier.CarrierErrorReason;
import io.switchboard.carrier.CarrierOutcome;
import io.switchboard.model.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Pinnacle carrier call's own rules: the send path of each channel, and the reading of the answer
 * ({@code FORMATS.md} §1.6, §1.9) into a {@link CarrierOutcome}.
 */
@Component("pinnacleCarrierResponses")
public class PinnacleCarrierResponses {

    private static final Map<Channel, String> SEND_PATHS = Map.of(Channel.SMS, "/messages/send/sms",
            Channel.MMS, "/messages/send/mms", Channel.RCS, "/messages/send/rcs");

    private final JsonBodies bodies;

    public PinnacleCarrierResponses(JsonBodies bodies) {
        this.bodies = bodies;
    }

    /** The carrier's send endpoint for the channel. */
    public String endpoint(CarrierConnector carrier, Channel channel) {
        return carrier.uri(SEND_PATHS.get(channel));
    }

    /**
     * Accepted with the carrier's {@code messageId} (SMS, RCS) or the first of its {@code messageIds} (MMS: the hub
     * sends at most 10 files, which Pinnacle does not split, so there is one); a 5xx, 408 or 429 is a passing
     * failure; any other answer refuses the send with Pinnacle's {@code error} text, or a Zod error's description
     * and field messages.
     */
    public CarrierOutcome interpret(int status, String body) {
        JsonNode json = bodies.treeOrMissing(body);
        // a fallback sent at once answers with the SMS/MMS ids; the leg is the RCS message its webhooks name
        String messageId = json.path("fallbackSent").asBoolean() ? json.path("originalMessageId").asText("")
                : json.path("messageId").asText(json.path("messageIds").path(0).asText(""));
        return CarrierOutcome.ofHttpAnswer(status, messageId, reason(status, json));
    }

    private static String reason(int status, JsonNode json) {
        List<String> fieldErrors = new ArrayList<>();
        fieldErrors(json.path("errors"), "", fieldErrors);
        return CarrierErrorReason.of(status, json, List.of("error", "description"), fieldErrors);
    }

    /** Every message of a Zod error tree, after the dotted path of its field ({@code cards.0.title is required}). */
    private static void fieldErrors(JsonNode node, String path, List<String> parts) {
        for (JsonNode message : node.path("errors")) {
            parts.add(path.isEmpty() ? message.asText() : path + " " + message.asText());
        }
        node.path("properties").fields().forEachRemaining(field ->
                fieldErrors(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), parts));
        JsonNode items = node.path("items");
        for (int i = 0; i < items.size(); i++) {
            fieldErrors(items.get(i), path + "." + i, parts);
        }
    }
}
