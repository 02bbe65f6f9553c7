package io.switchboard.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.api.FieldError;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.dialect.pinnacle.PinnacleResponses;
import io.switchboard.dialect.pinnacle.PinnacleSignatures;
import io.switchboard.dialect.pinnacle.PinnacleWire;
import io.switchboard.pricing.Prices;
import io.switchboard.sms.Segmentation;
import io.switchboard.sms.SmsSegments;
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
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Pinnacle carrier simulator: {@code POST /sandbox/pinnacle/messages/send/{sms,mms,rcs}} checks the
 * {@code PINNACLE-API-KEY} and the request (by Pinnacle's published rules, {@link PinnacleSandboxRules}, not the
 * hub's), answers in Pinnacle's send and error shapes ({@code FORMATS.md} §1.6, §1.9), and posts
 * {@code MESSAGE.STATUS} webhooks with the {@code PINNACLE-SIGNING-SECRET} header to the hub's
 * {@code /callbacks/pinnacle}, behaving as {@link SandboxBehaviour} says for the recipient. The webhook's
 * {@code message} names the message's type, id and text; card and button details are left out, as the hub reads none
 * of them. Its users answer in {@code MESSAGE.RECEIVED} webhooks (RCS text, a tapped quick reply as
 * {@code RCS_BUTTON_DATA}, a location as {@code RCS_LOCATION_DATA}; an SMS answers an SMS or MMS), after a
 * {@code USER.TYPING} for RCS.
 */
@RestController
@RequestMapping("/sandbox/pinnacle/messages/send")
@ConditionalOnProperty(name = "switchboard.sandbox.enabled", havingValue = "true")
class PinnacleSandboxCarrier implements UserReplies {

    static final String CARRIER = "sandbox-pinnacle";
    static final String CALLBACK_PATH = "/callbacks/pinnacle";
    static final String API_KEY_HEADER = "PINNACLE-API-KEY";
    static final String FAILURE_REASON = "Recipient handset rejected the message";
    static final String SMS_FAILURE_REASON = "Carrier could not reach the handset";

    private final SandboxProperties properties;
    private final SandboxLedger ledger;
    private final SandboxCallbacks callbacks;
    private final PinnacleResponses responses;
    private final Prices prices;
    private final SandboxCallbackAddress callbackAddress;
    private final ObjectMapper mapper;
    private final Clock clock;

    PinnacleSandboxCarrier(SandboxProperties properties, SandboxLedger ledger, SandboxCallbacks callbacks,
            PinnacleResponses responses, Prices prices, SandboxCallbackAddress callbackAddress, ObjectMapper mapper,
            Clock clock) {
        this.properties = properties;
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.responses = responses;
        this.prices = prices;
        this.callbackAddress = callbackAddress;
        this.mapper = mapper;
        this.clock = clock;
    }

    @PostMapping(path = "/sms", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> sms(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
        return send(headers, body, PinnacleWire.SmsSend.class, PinnacleSandboxRules::sms,
                request -> new Send(request.to(), request.from(), Kind.SMS,
                        new EventMessage("SMS", null, request.text(), null, null), null, null));
    }

    @PostMapping(path = "/mms", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> mms(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
        return send(headers, body, PinnacleWire.MmsSend.class, PinnacleSandboxRules::mms,
                request -> new Send(request.to(), request.from(), Kind.MMS,
                        new EventMessage("MMS", null, request.text(), request.mediaUrls(), null), null, null));
    }

    @PostMapping(path = "/rcs", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> rcs(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
        return send(headers, body, PinnacleWire.RcsSend.class, PinnacleSandboxRules::rcs,
                request -> new Send(request.to(), request.from(), Kind.RCS, new EventMessage(
                        request.text() != null ? "RCS_TEXT" : request.media() != null ? "RCS_MEDIA" : "RCS_CARDS",
                        null, request.text(), null, request.media()), request.fallback(),
                        firstSuggestion(request.quickReplies())));
    }

    /** The first quick reply that is a reply ({@code trigger}), else the first one; null when there is none. */
    private static SandboxLedger.Suggested firstSuggestion(List<PinnacleWire.Button> quickReplies) {
        if (quickReplies == null || quickReplies.isEmpty()) {
            return null;
        }
        PinnacleWire.Button tapped = quickReplies.stream().filter(button -> "trigger".equals(button.type()))
                .findFirst().orElse(quickReplies.get(0));
        return new SandboxLedger.Suggested(tapped.title(), tapped.payload());
    }

    private <T> ResponseEntity<Object> send(HttpHeaders headers, byte[] body, Class<T> type,
            Function<T, List<FieldError>> check, Function<T, Send> describe) {
        if (!authorized(headers.getFirst(API_KEY_HEADER))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new PinnacleResponses.Error("Invalid API key."));
        }
        byte[] bytes = body == null ? new byte[0] : body;
        T request;
        try {
            request = mapper.readValue(bytes, type);
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(new PinnacleResponses.Error("The body is not valid JSON."));
        }
        Send send = describe.apply(request);
        List<FieldError> problems = check.apply(request);
        if (!problems.isEmpty()) {
            return answer(send, request, headers, HttpStatus.BAD_REQUEST,
                    responses.error(new InvalidRequestException(problems)), null);
        }
        SandboxBehaviour behaviour = SandboxBehaviour.forRecipient(send.to());
        if (behaviour == SandboxBehaviour.NOT_RCS_CAPABLE && send.kind() == Kind.RCS && send.fallback() != null) {
            return fallBack(send, request, headers);
        }
        if (behaviour == SandboxBehaviour.NOT_RCS_CAPABLE && send.kind() == Kind.RCS) {
            return answer(send, request, headers, HttpStatus.BAD_REQUEST,
                    new PinnacleResponses.Error("The recipient cannot receive RCS and the message has no fallback."),
                    null);
        }
        if (behaviour == SandboxBehaviour.FLAKY
                && ledger.failsThisAttempt(SandboxRequests.bodyKey(bytes), properties.flakyFailures())) {
            return answer(send, request, headers, HttpStatus.SERVICE_UNAVAILABLE,
                    new PinnacleResponses.Error("Service temporarily unavailable."), null);
        }
        String messageId = SandboxRequests.messageId();
        List<MessageEvent> events = events(send, messageId, behaviour);
        postWebhooks(0, events);
        SandboxLedger.LastMessage sent = new SandboxLedger.LastMessage(CARRIER, send.to(), send.from(),
                send.kind() == Kind.RCS, messageId, send.suggestion());
        ledger.sentToUser(sent);
        if (behaviour == SandboxBehaviour.USER_REPLIES) {
            reply(sent, SandboxReply.answering(sent), events.size());
        }
        return answer(send, request, headers, HttpStatus.OK, accepted(send, messageId), messageId);
    }

    /**
     * The recipient cannot get RCS and the send has a {@code fallback}: Pinnacle sends it at once and answers with the
     * SMS/MMS shape plus {@code fallbackSent} and {@code originalMessageId}; the RCS message gets {@code FALLBACK_SENT}
     * and the fallback's own statuses name the RCS message in {@code originalMessageId} (FORMATS.md §1.6, §1.10).
     */
    private ResponseEntity<Object> fallBack(Send send, Object request, HttpHeaders headers) {
        String rcsId = SandboxRequests.messageId();
        String fallbackId = SandboxRequests.messageId();
        PinnacleWire.Fallback fallback = send.fallback();
        boolean mms = fallback.mediaUrls() != null && !fallback.mediaUrls().isEmpty();
        String type = mms ? "MMS" : "SMS";
        Instant sentAt = clock.instant();
        Instant deliveredAt = sentAt.plus(properties.callbackDelay());
        MessageEvent fallbackSent = new MessageEvent("MESSAGE.STATUS", new Conversation("conv_" + rcsId, send.from(),
                send.to()), "FALLBACK_SENT", "OUTBOUND", 1, sentAt, null, new EventMessage(send.message().type(),
                rcsId, send.message().text(), null, send.message().media()), null,
                new FallbackMessage(List.of(fallbackId), type, fallback.from(), send.to(), fallback.text(),
                        fallback.mediaUrls()), null);
        MessageEvent delivered = new MessageEvent("MESSAGE.STATUS", new Conversation("conv_" + fallbackId,
                fallback.from(), send.to()), "DELIVERED", "OUTBOUND", 1, sentAt, deliveredAt,
                new EventMessage(type, fallbackId, fallback.text(), fallback.mediaUrls(), null), rcsId, null, null);
        postWebhooks(0, List.of(fallbackSent, delivered));
        return answer(send, request, headers, HttpStatus.OK, new FallbackSent(mms ? null : fallbackId,
                mms ? List.of(fallbackId) : null, fallback.from(), send.to(), "queued", true, rcsId), rcsId);
    }

    private Object accepted(Send send, String messageId) {
        return switch (send.kind()) {
            case SMS -> {
                SmsSegments segments = Segmentation.forSending(send.message().text());
                yield new PinnacleResponses.SentSms(messageId, new PinnacleResponses.SegmentCount(segments.count(),
                        segments.encoding().id()), prices.sms(segments), send.from(), send.to(), "queued");
            }
            case MMS -> new PinnacleResponses.SentMms(List.of(messageId), 1, prices.mms(1), send.from(), send.to(),
                    "queued");
            case RCS -> new PinnacleResponses.SentRcs(messageId, 1, prices.rcs(1), send.from(), send.to(), "queued");
        };
    }

    private ResponseEntity<Object> answer(Send send, Object request, HttpHeaders headers, HttpStatus status,
            Object body, String messageId) {
        ledger.record(CARRIER, send.to(), leg(send, request), SandboxRequests.headerNames(headers), request,
                status.value(), messageId);
        return ResponseEntity.status(status).body(body);
    }

    /**
     * Pinnacle has no client reference or idempotency key (its {@code options.tracking} is a link-tracking mode), so a
     * leg is known by its content: the endpoint and the request, which a retry of the leg repeats exactly. Two
     * messages of the same content to the same number count as one leg.
     */
    private String leg(Send send, Object request) {
        return send.kind() + ":" + SandboxRequests.bodyKey(SandboxRequests.json(mapper, request));
    }

    private List<MessageEvent> events(Send send, String messageId, SandboxBehaviour behaviour) {
        Instant sentAt = clock.instant();
        Instant deliveredAt = sentAt.plus(properties.callbackDelay());
        boolean rcs = send.kind() == Kind.RCS;
        MessageEvent delivered = event(send, messageId, "DELIVERED", sentAt, deliveredAt, null);
        return switch (behaviour) {
            // rows 00 to 02 are RCS trouble: SMS and MMS get through
            case FAILS_LATER -> List.of(rcs ? event(send, messageId, "DELIVERY_FAILED", sentAt, null, FAILURE_REASON)
                    : delivered);
            case SILENT -> rcs ? List.of() : List.of(delivered);
            // Pinnacle reports reads for RCS only
            case READ, USER_REPLIES -> rcs
                    ? List.of(delivered, event(send, messageId, "READ", sentAt, deliveredAt, null))
                    : List.of(delivered);
            // the same event twice, as a retried webhook delivery, then a late send report
            case DUPLICATES -> List.of(delivered, delivered, event(send, messageId, "SENT", sentAt, null, null));
            case SMS_DELIVERY_FAILS -> List.of(rcs ? delivered
                    : event(send, messageId, "DELIVERY_FAILED", sentAt, null, SMS_FAILURE_REASON));
            case NOT_RCS_CAPABLE, FLAKY, DELIVERED -> List.of(delivered);
        };
    }

    @Override
    public String carrier() {
        return CARRIER;
    }

    /** Pinnacle reports typing for RCS only. */
    @Override
    public Optional<Object> typing(SandboxLedger.LastMessage to) {
        return to.rcs() ? Optional.of(new TypingEvent("USER.TYPING", clock.instant(), conversation(to)))
                : Optional.empty();
    }

    @Override
    public Object message(SandboxLedger.LastMessage to, SandboxReply reply) {
        return new UserEvent("MESSAGE.RECEIVED", conversation(to), "INBOUND", clock.instant(), userMessage(to, reply));
    }

    @Override
    public void post(int earlier, List<Object> callbacks) {
        postWebhooks(earlier, callbacks);
    }

    /** A user's conversation: from the user to the sender they answer. */
    private static Conversation conversation(SandboxLedger.LastMessage to) {
        return new Conversation("conv_" + to.messageId(), to.user(), to.sender());
    }

    private static Object userMessage(SandboxLedger.LastMessage to, SandboxReply reply) {
        String id = SandboxRequests.messageId();
        if (!to.rcs()) {
            return new UserText("SMS", id, reply.asText());
        }
        if (reply.isTap()) {
            String payload = reply.postbackData();
            return new ButtonData("RCS_BUTTON_DATA", id, to.messageId(), new ButtonPress("QUICK_REPLY",
                    new PressedButton("trigger", reply.text(), payload), payload, 1));
        }
        if (reply.isLocation()) {
            return new LocationData("RCS_LOCATION_DATA", id, to.messageId(),
                    new SharedPlace(reply.latitude(), reply.longitude(), reply.text()));
        }
        return new UserText("RCS_TEXT", id, reply.text());
    }

    private void postWebhooks(int earlier, List<?> events) {
        List<byte[]> bodies = new ArrayList<>();
        for (Object event : events) {
            bodies.add(SandboxRequests.json(mapper, event));
        }
        String secret = properties.pinnacle().signingSecret();
        callbacks.postAfter(earlier, callbackAddress.callbackUrl(CALLBACK_PATH),
                body -> Map.of(PinnacleSignatures.HEADER, secret), bodies);
    }

    private static MessageEvent event(Send send, String messageId, String status, Instant sentAt,
            Instant deliveredAt, String error) {
        EventMessage message = send.message();
        return new MessageEvent("MESSAGE.STATUS", new Conversation("conv_" + messageId, send.from(), send.to()),
                status, "OUTBOUND", 1, sentAt, deliveredAt,
                new EventMessage(message.type(), messageId, message.text(), message.mediaUrls(), message.media()),
                null, null, error);
    }

    private boolean authorized(String apiKey) {
        byte[] expected = properties.pinnacle().apiKey().getBytes(StandardCharsets.UTF_8);
        return apiKey != null && MessageDigest.isEqual(expected, apiKey.getBytes(StandardCharsets.UTF_8));
    }

    private enum Kind { SMS, MMS, RCS }

    /**
     * What the sandbox needs to know about any send; {@code fallback} for an RCS send that has one, {@code suggestion}
     * for one with quick replies.
     */
    private record Send(String to, String from, Kind kind, EventMessage message, PinnacleWire.Fallback fallback,
            SandboxLedger.Suggested suggestion) {
    }

    /** A send answered by its fallback ({@code SentRichMessageFallbackSms}/{@code …Mms}), costs left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FallbackSent(String messageId, List<String> messageIds, String sender, String recipient, String status,
            boolean fallbackSent, String originalMessageId) {
    }

    /** The {@code fallbackMessage} of a {@code FALLBACK_SENT} event. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FallbackMessage(List<String> ids, String type, String from, String to, String text,
            List<String> mediaUrls) {
    }

    /**
     * Pinnacle's {@code MessageEvent}. {@code error} is not in the published type; the sandbox adds the reason of a
     * failure there, which the hub reads when a carrier gives one.
     */
    record MessageEvent(String type, Conversation conversation, String status, String direction, int segments,
            Instant sentAt, Instant deliveredAt, EventMessage message, String originalMessageId,
            Object fallbackMessage, @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    record Conversation(String id, String from, String to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventMessage(String type, String id, String text, List<String> mediaUrls, String media) {
    }

    /** A user's {@code MESSAGE.RECEIVED}: {@code conversation.from} is the user, {@code to} whom they answer. */
    record UserEvent(String type, Conversation conversation, String direction, Instant sentAt, Object message) {
    }

    /** Pinnacle's {@code UserEvent}. */
    record TypingEvent(String type, Instant startedAt, Conversation conversation) {
    }

    record UserText(String type, String id, String text) {
    }

    /** A tapped button; {@code messageId} is the message it belongs to. */
    record ButtonData(String type, String id, String messageId, ButtonPress button) {
    }

    /** {@code raw} is the full button that was tapped. */
    record ButtonPress(String type, PressedButton raw, String payload, int clicks) {
    }

    record PressedButton(String type, String title, String payload) {
    }

    record LocationData(String type, String id, String messageId, SharedPlace data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SharedPlace(double latitude, double longitude, String text) {
    }
}
