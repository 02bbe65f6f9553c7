package io.switchboard.translation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.dialect.channels.CanonicalToChannelsMessage;
import io.switchboard.dialect.channels.ChannelsMessage;
import io.switchboard.dialect.channels.ChannelsMessageToCanonical;
import io.switchboard.dialect.pinnacle.CanonicalToPinnacleMms;
import io.switchboard.dialect.pinnacle.CanonicalToPinnacleRcs;
import io.switchboard.dialect.pinnacle.CanonicalToPinnacleSms;
import io.switchboard.dialect.pinnacle.PinnacleMmsToCanonical;
import io.switchboard.dialect.pinnacle.PinnacleRcsToCanonical;
import io.switchboard.dialect.pinnacle.PinnacleSmsToCanonical;
import io.switchboard.dialect.pinnacle.PinnacleWire;
import io.switchboard.dialect.v1.CanonicalToV1Message;
import io.switchboard.dialect.v1.V1MessageToCanonical;
import io.switchboard.dialect.v1.V1SendRequest;
import io.switchboard.dialect.v5.CanonicalToV5Message;
import io.switchboard.dialect.v5.V5Message;
import io.switchboard.dialect.v5.V5MessageToCanonical;
import io.switchboard.json.Json;
import io.switchboard.model.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Every dialect's pure translations, wired as the hub wires them, with each wire body passing through JSON bytes
 * so what a carrier or client would see is what comes back.
 */
final class DialectTrips {

    static final String TENANT = "matrix";
    static final Instant ACCEPTED_AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final String V5_CALLBACK = "https://hub.example/callbacks/v5?leg=msg_1-1&token=t";

    private final ObjectMapper mapper = Json.newMapper();
    private final Clock clock = Clock.fixed(ACCEPTED_AT, ZoneOffset.UTC);
    private final V5MessageToCanonical v5In = new V5MessageToCanonical(clock);
    private final CanonicalToV5Message v5Out = new CanonicalToV5Message(null);
    private final V1MessageToCanonical v1In = new V1MessageToCanonical(clock);
    private final CanonicalToV1Message v1Out = new CanonicalToV1Message();
    private final PinnacleSmsToCanonical pinnacleSmsIn = new PinnacleSmsToCanonical(clock);
    private final PinnacleMmsToCanonical pinnacleMmsIn = new PinnacleMmsToCanonical(clock);
    private final PinnacleRcsToCanonical pinnacleRcsIn = new PinnacleRcsToCanonical(clock);
    private final CanonicalToPinnacleSms pinnacleSmsOut = new CanonicalToPinnacleSms();
    private final CanonicalToPinnacleMms pinnacleMmsOut = new CanonicalToPinnacleMms();
    private final CanonicalToPinnacleRcs pinnacleRcsOut = new CanonicalToPinnacleRcs();
    private final ChannelsMessageToCanonical channelsIn = new ChannelsMessageToCanonical(clock);
    private final CanonicalToChannelsMessage channelsOut = new CanonicalToChannelsMessage();

    /** The dialects the hub can send through, in the order the matrix lists them. */
    static final List<String> CARRIER_DIALECTS = List.of("v5", "v1", "pinnacle", "channels");

    /** A client's request body in {@code dialect} (for Pinnacle: {@code pinnacle-sms}, …) as the hub accepts it. */
    Message accept(String dialect, byte[] body) {
        return switch (dialect) {
            case "v5" -> v5In.toCanonical(read(body, V5Message.class), TENANT, ACCEPTED_AT);
            case "v1" -> v1In.toCanonical(read(body, V1SendRequest.class), TENANT, ACCEPTED_AT);
            case "pinnacle-sms" -> pinnacleSmsIn.toCanonical(read(body, PinnacleWire.SmsSend.class), TENANT,
                    ACCEPTED_AT);
            case "pinnacle-mms" -> pinnacleMmsIn.toCanonical(read(body, PinnacleWire.MmsSend.class), TENANT,
                    ACCEPTED_AT);
            case "pinnacle-rcs" -> pinnacleRcsIn.toCanonical(read(body, PinnacleWire.RcsSend.class), TENANT,
                    ACCEPTED_AT);
            case "channels" -> channelsIn.toCanonical(read(body, ChannelsMessage.class), TENANT, ACCEPTED_AT);
            default -> throw new IllegalArgumentException("No dialect " + dialect);
        };
    }

    /** The message written as a carrier request in {@code dialect} and read back into the canonical model. */
    Message through(String dialect, Message message) {
        return switch (dialect) {
            case "v5" -> v5In.toCanonical(wire(v5Out.toV5(message, V5_CALLBACK), V5Message.class), TENANT,
                    ACCEPTED_AT);
            case "v1" -> v1In.toCanonical(wire(v1Out.toV1(message), V1SendRequest.class), TENANT, ACCEPTED_AT);
            case "pinnacle" -> throughPinnacle(message);
            case "channels" -> channelsIn.toCanonical(wire(channelsOut.toChannels(message), ChannelsMessage.class),
                    TENANT, ACCEPTED_AT);
            default -> throw new IllegalArgumentException("No carrier dialect " + dialect);
        };
    }

    /** Through the send path of the message's channel, as the Pinnacle carrier route picks it. */
    private Message throughPinnacle(Message message) {
        return switch (message.channel()) {
            case SMS -> pinnacleSmsIn.toCanonical(wire(pinnacleSmsOut.toSms(message), PinnacleWire.SmsSend.class),
                    TENANT, ACCEPTED_AT);
            case MMS -> pinnacleMmsIn.toCanonical(wire(pinnacleMmsOut.toMms(message), PinnacleWire.MmsSend.class),
                    TENANT, ACCEPTED_AT);
            case RCS -> pinnacleRcsIn.toCanonical(wire(pinnacleRcsOut.toRcs(message), PinnacleWire.RcsSend.class),
                    TENANT, ACCEPTED_AT);
        };
    }

    private <T> T wire(Object request, Class<T> type) {
        try {
            return read(mapper.writeValueAsBytes(request), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(byte[] body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
