package io.switchboard.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.dialect.channels.ChannelsSignature;
import io.switchboard.dialect.pinnacle.PinnacleSignatures;
import io.switchboard.dialect.v1.V1Signatures;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Posts a body of the test's choosing to {@code /callbacks/{carrier}}, signed as the sandbox carrier of the test
 * profile signs it, or signed with a key the hub does not know.
 *
 * @param v5LegPath the path and query the hub gave a v5 leg for its callbacks
 *                  ({@code /callbacks/v5?leg=…&token=…}), the v5 carrier's proof of who it is
 */
public record CarrierCallbacks(HubClient hub, int port, String v5LegPath) {

    public static final List<String> CARRIERS = List.of("v1", "v5", "pinnacle", "channels");

    private static final String V1_SECRET = "sandbox-v1-webhook-secret";
    private static final String PINNACLE_SECRET = "pss_sandbox-pinnacle-signing-secret";
    private static final String CHANNELS_KEY = "sandbox-channels-signing-key";
    private static final String FORGED = "a-key-the-hub-does-not-know";

    /**
     * A delivery report in the carrier's webhook shape about the carrier's message of this id; {@link #ID_FIELDS}
     * says where it holds the id.
     */
    public static byte[] deliveredBody(String carrier, String carrierMessageId) {
        Map<String, Object> body = switch (carrier) {
            case "v1" -> Map.of("event", "message.delivered", "data", Map.of("message_id", carrierMessageId));
            case "v5" -> Map.of("messageGUID", carrierMessageId, "status", "DELIVERED");
            case "pinnacle" -> Map.of("type", "MESSAGE.STATUS", "status", "DELIVERED", "messageId", carrierMessageId);
            case "channels" -> Map.of("service", "channels", "event", "sms.outbound",
                    "payload", Map.of("id", carrierMessageId, "status", "delivered"));
            default -> throw new IllegalArgumentException("No carrier dialect " + carrier);
        };
        try {
            return Fixtures.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where {@link #deliveredBody} holds the carrier's message id, by carrier, as the hub names it in a refusal. */
    public static final Map<String, String> ID_FIELDS = Map.of("v1", "data.message_id", "v5", "messageGUID",
            "pinnacle", "messageId", "channels", "payload.id");

    /** Signed as the carrier signs; {@code headers} (name, value pairs) such as the Content-Type come first. */
    public HubClient.Response signed(String carrier, byte[] body, String... headers) {
        return post(carrier, body, true, headers);
    }

    /** Signed with a key no carrier has (v5: the leg's callback URL with another leg's token). */
    public HubClient.Response forged(String carrier, byte[] body, String... headers) {
        return post(carrier, body, false, headers);
    }

    private HubClient.Response post(String carrier, byte[] body, boolean genuine, String... headers) {
        String[] signature = switch (carrier) {
            case "v1" -> new String[] {V1Signatures.HEADER, V1Signatures.sign(genuine ? V1_SECRET : FORGED, body)};
            case "pinnacle" -> new String[] {PinnacleSignatures.HEADER, genuine ? PINNACLE_SECRET : FORGED};
            case "channels" -> {
                String timestamp = String.valueOf(Instant.now().getEpochSecond());
                yield new String[] {ChannelsSignature.TIMESTAMP_HEADER, timestamp, ChannelsSignature.SIGNATURE_HEADER,
                        ChannelsSignature.sign(genuine ? CHANNELS_KEY : FORGED, timestamp,
                                "http://127.0.0.1:" + port + "/callbacks/channels", body)};
            }
            case "v5" -> new String[0];
            default -> throw new IllegalArgumentException("No carrier dialect " + carrier);
        };
        String path = !carrier.equals("v5") ? "/callbacks/" + carrier
                : genuine ? v5LegPath : v5LegPath.replaceFirst("token=[^&]*", "token=" + FORGED);
        String[] all = new String[headers.length + signature.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(signature, 0, all, headers.length, signature.length);
        return hub.post(path, body, all);
    }
}
