package io.switchboard.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.dialect.channels.ChannelsChannel;
import io.switchboard.dialect.channels.ChannelsChannel.Capability;
import io.switchboard.dialect.channels.ChannelsError;
import io.switchboard.dialect.channels.ChannelsMessage;
import io.switchboard.dialect.channels.ChannelsMessageResource;
import io.switchboard.dialect.channels.ChannelsNotification;
import io.switchboard.dialect.channels.ChannelsNotifications;
import io.switchboard.dialect.channels.ChannelsSignature;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Bird Channels carrier simulator with one workspace: every channel of it sends SMS, those listed in
 * {@code switchboard.sandbox.channels.mms-channels} also MMS. Answers the send and the channel lookup in the API's
 * shapes (seeds 002/003) and posts each status change, signed with the signing key, to the hub's
 * {@value ChannelsNotifications#PATH}, behaving as {@link SandboxBehaviour} says for the recipient. SMS has no read
 * receipts, so a {@code …04} recipient ends delivered. The ledger counts sends by the request's {@code reference},
 * where the hub puts its leg id. Its users answer with an SMS to the channel, posted as an {@code sms.inbound}
 * notification; SMS has no typing indicator.
 */
@RestController
@RequestMapping("/sandbox/channels/workspaces/{workspaceId}/channels/{channelId}")
@ConditionalOnProperty(name = "switchboard.sandbox.enabled", havingValue = "true")
class ChannelsSandboxCarrier implements UserReplies {

    static final String CARRIER = "sandbox-channels";
    static final String SMS_INBOUND = "sms.inbound";
    static final String INCOMING = "incoming";

    private final SandboxProperties properties;
    private final SandboxLedger ledger;
    private final SandboxCallbacks callbacks;
    private final SandboxCallbackAddress callbackAddress;
    private final ObjectMapper mapper;
    private final Clock clock;

    ChannelsSandboxCarrier(SandboxProperties properties, SandboxLedger ledger, SandboxCallbacks callbacks,
            SandboxCallbackAddress callbackAddress, ObjectMapper mapper, Clock clock) {
        this.properties = properties;
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.callbackAddress = callbackAddress;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> channel(@PathVariable String workspaceId, @PathVariable String channelId,
            @RequestHeader HttpHeaders headers) {
        ResponseEntity<Object> refusal = refusal(workspaceId, headers);
        if (refusal != null) {
            return refusal;
        }
        String mms = sendsMms(channelId) ? ChannelsChannel.ACTIVE : "inactive";
        Capability outgoing = new Capability("outgoing", ChannelsChannel.ACTIVE, null, null, null,
                new Capability("mms", mms, false, null, null, null));
        Capability messaging = new Capability("messaging", ChannelsChannel.ACTIVE, null, null, outgoing, null);
        Capability group = new Capability(null, null, null, messaging, null, null);
        return ResponseEntity.ok(new ChannelsChannel(channelId, "sms-messagebird", "Sandbox SMS channel",
                ChannelsChannel.ACTIVE, new ChannelsChannel.Capabilities(group)));
    }

    @PostMapping(path = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> send(@PathVariable String workspaceId, @PathVariable String channelId,
            @RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
        ResponseEntity<Object> refusal = refusal(workspaceId, headers);
        if (refusal != null) {
            return refusal;
        }
        ChannelsMessage request;
        try {
            request = mapper.readValue(body == null ? new byte[0] : body, ChannelsMessage.class);
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(new ChannelsError("InvalidPayload", "The body is not valid JSON",
                    null));
        }
        String recipient = recipient(request);
        List<ChannelsError.Detail> problems = problems(request, recipient, channelId);
        if (!problems.isEmpty()) {
            ledger.record(CARRIER, recipient, request.reference(), SandboxRequests.headerNames(headers), request,
                    422, null);
            return ResponseEntity.unprocessableEntity().body(new ChannelsError("InvalidPayload",
                    "The request did not pass validation", problems));
        }
        SandboxBehaviour behaviour = SandboxBehaviour.forRecipient(recipient);
        if (behaviour == SandboxBehaviour.FLAKY
                && ledger.failsThisAttempt(SandboxRequests.bodyKey(body), properties.flakyFailures())) {
            ledger.record(CARRIER, recipient, request.reference(), SandboxRequests.headerNames(headers), request,
                    503, null);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ChannelsError("ServiceUnavailable",
                    "The service is temporarily unavailable", null));
        }
        Instant now = clock.instant();
        ChannelsMessageResource accepted = new ChannelsMessageResource(UUID.randomUUID().toString(), channelId,
                "accepted", null, "outgoing", request.reference(), request.receiver(), request.body(), now, now, now);
        ledger.record(CARRIER, recipient, request.reference(), SandboxRequests.headerNames(headers), request,
                202, accepted.id());
        int notifications = scheduleNotifications(accepted, behaviour, now);
        SandboxLedger.LastMessage sent = new SandboxLedger.LastMessage(CARRIER, recipient, channelId, false,
                accepted.id(), null);
        ledger.sentToUser(sent);
        if (behaviour == SandboxBehaviour.USER_REPLIES) {
            reply(sent, SandboxReply.answering(sent), notifications);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
    }

    /** What the real API would refuse: no receiver, body and template both or neither, media on an SMS-only channel. */
    private List<ChannelsError.Detail> problems(ChannelsMessage request, String recipient, String channelId) {
        List<ChannelsError.Detail> problems = new ArrayList<>();
        if (recipient == null || recipient.isBlank()) {
            problems.add(new ChannelsError.Detail("receiver.contacts",
                    "a contact with an identifierValue is required"));
        }
        if ((request.body() == null) == (request.template() == null)) {
            problems.add(new ChannelsError.Detail("body", "set either body or template"));
        }
        ChannelsMessage.Body content = request.body();
        boolean media = content != null && (ChannelsMessage.Body.IMAGE.equals(content.type())
                || ChannelsMessage.Body.FILE.equals(content.type()));
        if (media && !sendsMms(channelId)) {
            problems.add(new ChannelsError.Detail("body.type", "the channel does not support " + content.type()
                    + " messages: it has no active outgoing MMS"));
        }
        return problems;
    }

    /** @return how many notifications it posts */
    private int scheduleNotifications(ChannelsMessageResource accepted, SandboxBehaviour behaviour, Instant at) {
        Instant later = at.plus(properties.callbackDelay());
        List<ChannelsMessageResource> changes = switch (behaviour) {
            case SMS_DELIVERY_FAILS -> List.of(accepted.withStatus("sent", null, at),
                    accepted.withStatus("delivery_failed", "Handset unreachable", later));
            case DUPLICATES -> List.of(accepted.withStatus("delivered", null, later),
                    accepted.withStatus("delivered", null, later), accepted.withStatus("sent", null, at));
            // rows 00 to 02 are RCS trouble: SMS and MMS get through
            case NOT_RCS_CAPABLE, FAILS_LATER, SILENT, FLAKY, READ, USER_REPLIES, DELIVERED -> List.of(
                    accepted.withStatus("sent", null, at),
                    accepted.withStatus("delivered", null, later));
        };
        postNotifications(0, changes.stream().map(change -> new ChannelsNotification(ChannelsNotification.SERVICE,
                ChannelsNotification.SMS_OUTBOUND, change)).toList());
        return changes.size();
    }

    @Override
    public String carrier() {
        return CARRIER;
    }

    /** SMS has no typing indicator. */
    @Override
    public Optional<Object> typing(SandboxLedger.LastMessage to) {
        return Optional.empty();
    }

    @Override
    public Object message(SandboxLedger.LastMessage to, SandboxReply reply) {
        IncomingMessage incoming = new IncomingMessage(UUID.randomUUID().toString(), to.sender(), "delivered",
                INCOMING, new Sender(new SenderContact("phonenumber", to.user())),
                new IncomingBody("text", new IncomingText(reply.asText())), clock.instant());
        return new Incoming(ChannelsNotification.SERVICE, SMS_INBOUND, incoming);
    }

    @Override
    public void post(int earlier, List<Object> callbacks) {
        postNotifications(earlier, callbacks);
    }

    private void postNotifications(int earlier, List<?> notifications) {
        URI url = callbackAddress.callbackUrl(ChannelsNotifications.PATH);
        String signedUrl = callbackAddress.signedUrl(ChannelsNotifications.PATH);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        List<byte[]> bodies = notifications.stream().map(notification -> SandboxRequests.json(mapper, notification))
                .toList();
        callbacks.postAfter(earlier, url, body -> Map.of(ChannelsSignature.TIMESTAMP_HEADER, timestamp,
                ChannelsSignature.SIGNATURE_HEADER,
                ChannelsSignature.sign(properties.channels().signingKey(), timestamp, signedUrl, body)), bodies);
    }

    private ResponseEntity<Object> refusal(String workspaceId, HttpHeaders headers) {
        SandboxProperties.ChannelsAccount account = properties.channels();
        String expected = "AccessKey " + account.accessKey();
        String presented = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (presented == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new ChannelsError("Unauthorized",
                    "Send your access key as 'Authorization: AccessKey <key>'", null));
        }
        if (!account.workspaceId().equals(workspaceId)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ChannelsError("NotFound",
                    "Workspace " + workspaceId + " does not exist", null));
        }
        return null;
    }

    private boolean sendsMms(String channelId) {
        return properties.channels().mmsChannels().contains(channelId);
    }

    private static String recipient(ChannelsMessage request) {
        if (request.receiver() == null || request.receiver().contacts() == null
                || request.receiver().contacts().isEmpty()) {
            return null;
        }
        return request.receiver().contacts().get(0).identifierValue();
    }

    /** A Notifications API webhook about an incoming message ({@code FORMATS.md} §4.3). */
    record Incoming(String service, String event, IncomingMessage payload) {
    }

    /** The channel message resource of a user's SMS to the channel: always delivered, direction incoming. */
    record IncomingMessage(String id, String channelId, String status, String direction, Sender sender,
            IncomingBody body, Instant createdAt) {
    }

    record Sender(SenderContact contact) {
    }

    record SenderContact(String identifierKey, String identifierValue) {
    }

    record IncomingBody(String type, IncomingText text) {
    }

    record IncomingText(String text) {
    }
}
