package io.switchboard.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.api.FieldError;
import io.switchboard.api.InvalidRequestException;
import io.switchboard.dialect.v1.V1CarrierWebhook;
import io.switchboard.dialect.v1.V1Responses;
import io.switchboard.dialect.v1.V1SendRequest;
import io.switchboard.dialect.v1.V1Signatures;
import io.switchboard.model.Ids;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * A v1 (Arowana) carrier simulator: {@code POST /sandbox/v1/v1/messages} checks the Bearer key and the request (by
 * v1's published rules, {@link V1SandboxRules}, not the hub's), answers in v1's response and error shapes
 * ({@code FORMATS.md} §2.3, §2.4), and posts signed webhooks to the hub's {@code /callbacks/v1}, behaving as
 * {@link SandboxBehaviour} says for the recipient.
 *
 * <p>Honours {@code Idempotency-Key} as v1 promises: a key seen before with the same body gets the first answer again
 * and nothing is sent or recorded again; with another body, a 409. Passing failures (429, 5xx) are not kept, so the
 * retry of a flaky send can succeed under the same key.
 *
 * <p>Its users answer as v1 reports every user interaction: {@code conversation.started} with the
 * {@code user_message} (text, a tapped suggestion with its {@code postback_data} as the message gave it, a location),
 * after a {@code user.typing} for RCS (not in v1's published catalogue; the hub reads it).
 */
@RestController
@RequestMapping("/sandbox/v1")
@ConditionalOnProperty(name = "switchboard.sandbox.enabled", havingValue = "true")
class V1SandboxCarrier implements UserReplies {

    static final String CARRIER = "sandbox-v1";
    static final String CALLBACK_PATH = "/callbacks/v1";
    static final String FAILURE_REASON = "Recipient handset rejected the message";
    static final String SMS_FAILURE_REASON = "SMS delivery failed: the handset could not be reached";
    static final int REMEMBERED_KEYS = 10_000;
    /** How long v1 keeps a conversation open after a user's message. */
    static final Duration SESSION = Duration.ofHours(24);

    private final SandboxProperties properties;
    private final SandboxLedger ledger;
    private final SandboxCallbacks callbacks;
    private final V1Responses responses;
    private final SandboxCallbackAddress callbackAddress;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, Answer> answersByKey = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    };

    V1SandboxCarrier(SandboxProperties properties, SandboxLedger ledger, SandboxCallbacks callbacks,
            V1Responses responses, SandboxCallbackAddress callbackAddress, ObjectMapper mapper, Clock clock) {
        this.properties = properties;
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.responses = responses;
        this.callbackAddress = callbackAddress;
        this.mapper = mapper;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> send(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
        if (!authorized(headers.getFirst(HttpHeaders.AUTHORIZATION))) {
            return answer(HttpStatus.UNAUTHORIZED, error("unauthorized", "Invalid API key.")).response();
        }
        byte[] bytes = body == null ? new byte[0] : body;
        String key = headers.getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return process(headers, bytes).response();
        }
        String fingerprint = SandboxRequests.bodyKey(bytes);
        // one send at a time per sandbox: a repeated key must see the first send's answer, never race it
        synchronized (answersByKey) {
            Answer first = answersByKey.get(key);
            if (first != null && first.fingerprint().equals(fingerprint)) {
                ledger.recordReplay(CARRIER, key);
                return first.response();
            }
            if (first != null) {
                return answer(HttpStatus.CONFLICT, error("idempotency_conflict",
                        "This Idempotency-Key was used with a different request body.")).response();
            }
            Answer answer = process(headers, bytes).withFingerprint(fingerprint);
            int status = answer.response().getStatusCode().value();
            if (status != 429 && status < 500) {
                answersByKey.put(key, answer);
            }
            return answer.response();
        }
    }

    private Answer process(HttpHeaders headers, byte[] body) {
        V1SendRequest request;
        try {
            request = mapper.readValue(body, V1SendRequest.class);
        } catch (IOException e) {
            return answer(HttpStatus.BAD_REQUEST, error("invalid_json", "The body is not a valid JSON request."));
        }
        List<FieldError> problems = V1SandboxRules.problems(request);
        if (!problems.isEmpty()) {
            return record(request, headers, answer(HttpStatus.BAD_REQUEST,
                    responses.error(new InvalidRequestException(problems))));
        }
        boolean sms = request.agentId() == null || request.agentId().isBlank();
        SandboxBehaviour behaviour = SandboxBehaviour.forRecipient(request.to());
        if (behaviour == SandboxBehaviour.NOT_RCS_CAPABLE && !sms) {
            return record(request, headers, answer(HttpStatus.NOT_FOUND,
                    error("not_rcs_capable", "The device is not RCS-capable.")));
        }
        if (behaviour == SandboxBehaviour.FLAKY
                && ledger.failsThisAttempt(SandboxRequests.bodyKey(body), properties.flakyFailures())) {
            return record(request, headers, answer(HttpStatus.SERVICE_UNAVAILABLE,
                    error("service_unavailable", "Service temporarily unavailable; retry with the same"
                            + " Idempotency-Key.")));
        }
        String messageId = SandboxRequests.messageId();
        Instant createdAt = clock.instant();
        ledger.record(CARRIER, request.to(), leg(headers), SandboxRequests.headerNames(headers), request, 200,
                messageId);
        int webhooks = scheduleWebhooks(request, messageId, sms, behaviour);
        SandboxLedger.LastMessage sent = new SandboxLedger.LastMessage(CARRIER, request.to(),
                sms ? request.channelId() : request.agentId(), !sms, messageId, firstSuggestion(request.content()));
        ledger.sentToUser(sent);
        if (behaviour == SandboxBehaviour.USER_REPLIES) {
            reply(sent, SandboxReply.answering(sent), webhooks);
        }
        return answer(HttpStatus.OK, new Accepted(messageId, "queued", createdAt, billing(request, sms)));
    }

    private Answer record(V1SendRequest request, HttpHeaders headers, Answer answer) {
        ledger.record(CARRIER, request.to(), leg(headers), SandboxRequests.headerNames(headers), request,
                answer.response().getStatusCode().value(), null);
        return answer;
    }

    /** The hub's Idempotency-Key is made from its leg id, the same on every attempt: the ledger counts sends by it. */
    private static String leg(HttpHeaders headers) {
        return headers.getFirst("Idempotency-Key");
    }

    /** The first suggested reply, else the first action, as the message gave it; null when there is none. */
    private static SandboxLedger.Suggested firstSuggestion(V1SendRequest.Content content) {
        List<V1SendRequest.Suggestion> suggestions = content.suggestions();
        if (suggestions == null || suggestions.isEmpty()) {
            return null;
        }
        return suggestions.stream().map(V1SendRequest.Suggestion::reply).filter(Objects::nonNull).findFirst()
                .map(reply -> new SandboxLedger.Suggested(reply.text(), reply.postbackData()))
                .or(() -> Optional.ofNullable(suggestions.get(0).action())
                        .map(action -> new SandboxLedger.Suggested(action.text(), action.postbackData())))
                .orElse(null);
    }

    /** @return how many webhooks it posts */
    private int scheduleWebhooks(V1SendRequest request, String messageId, boolean sms, SandboxBehaviour behaviour) {
        Instant dispatchedAt = clock.instant();
        Instant deliveredAt = dispatchedAt.plus(properties.callbackDelay());
        V1CarrierWebhook delivered = webhook(request, messageId, "delivered", deliveredAt, null);
        List<V1CarrierWebhook> events = switch (behaviour) {
            // rows 00 to 02 are RCS trouble: SMS gets through
            case FAILS_LATER -> List.of(sms ? delivered
                    : webhook(request, messageId, "failed", deliveredAt, FAILURE_REASON));
            case SILENT -> sms ? List.of(delivered) : List.of();
            case READ -> List.of(delivered,
                    webhook(request, messageId, "read", deliveredAt.plus(properties.callbackDelay()), null));
            // v1 reports reads for RCS only
            case USER_REPLIES -> sms ? List.of(delivered) : List.of(delivered,
                    webhook(request, messageId, "read", deliveredAt.plus(properties.callbackDelay()), null));
            // the same event twice, as a retried webhook delivery, then a late dispatch report
            case DUPLICATES -> List.of(delivered, delivered,
                    webhook(request, messageId, "dispatched", dispatchedAt, null));
            case SMS_DELIVERY_FAILS -> List.of(sms
                    ? webhook(request, messageId, "failed", deliveredAt, SMS_FAILURE_REASON) : delivered);
            case NOT_RCS_CAPABLE, FLAKY, DELIVERED -> List.of(delivered);
        };
        postWebhooks(0, events);
        return events.size();
    }

    @Override
    public String carrier() {
        return CARRIER;
    }

    /** Typing is not in v1's published catalogue; the sandbox reports it for RCS, as {@code user.typing}. */
    @Override
    public Optional<Object> typing(SandboxLedger.LastMessage to) {
        return to.rcs() ? Optional.of(new UserEvent(Ids.eventId(), "user.typing", clock.instant(),
                new UserEventData(to.sender(), null, to.user(), null, null))) : Optional.empty();
    }

    /** v1 reports every user interaction as {@code conversation.started}. */
    @Override
    public Object message(SandboxLedger.LastMessage to, SandboxReply reply) {
        Instant at = clock.instant();
        return new UserEvent(Ids.eventId(), "conversation.started", at, new UserEventData(
                to.rcs() ? to.sender() : null, to.rcs() ? null : to.sender(), to.user(), at.plus(SESSION),
                userMessage(to, reply)));
    }

    @Override
    public void post(int earlier, List<Object> callbacks) {
        postWebhooks(earlier, callbacks);
    }

    private static UserMessage userMessage(SandboxLedger.LastMessage to, SandboxReply reply) {
        if (!to.rcs()) {
            return new UserMessage("text", reply.asText(), null, null);
        }
        if (reply.isTap()) {
            return new UserMessage("suggested_reply", reply.text(), reply.postbackData(), null);
        }
        if (reply.isLocation()) {
            return new UserMessage("location", reply.text(), null, new Place(reply.latitude(), reply.longitude()));
        }
        return new UserMessage("text", reply.text(), null, null);
    }

    private void postWebhooks(int earlier, List<?> events) {
        List<byte[]> bodies = new ArrayList<>();
        for (Object event : events) {
            bodies.add(SandboxRequests.json(mapper, event));
        }
        String secret = properties.v1().signingSecret();
        callbacks.postAfter(earlier, callbackAddress.callbackUrl(CALLBACK_PATH),
                webhook -> Map.of(V1Signatures.HEADER, V1Signatures.sign(secret, webhook)), bodies);
    }

    private static V1CarrierWebhook webhook(V1SendRequest request, String messageId, String status, Instant at,
            String failureReason) {
        V1CarrierWebhook.Data data = new V1CarrierWebhook.Data(messageId, request.agentId(), request.channelId(),
                request.to(), status,
                "dispatched".equals(status) ? at : null,
                "delivered".equals(status) ? at : null,
                "read".equals(status) ? at : null,
                "failed".equals(status) ? at : null,
                failureReason);
        return new V1CarrierWebhook(Ids.eventId(), "message." + status, at, data);
    }

    /** A made-up balance: the sandbox bills nothing, but answers with the billing block v1 clients expect. */
    private static Billing billing(V1SendRequest request, boolean sms) {
        V1SendRequest.Content content = request.content();
        boolean basic = content.richCard() == null && (content.suggestions() == null
                || content.suggestions().isEmpty()) && content.text() != null && content.text().length() <= 160;
        BigDecimal price = basic ? new BigDecimal("0.08") : new BigDecimal("0.10");
        String channel = sms ? "SMS" : "RCS";
        return new Billing(channel, basic ? "basic_message" : "single_message", price, price,
                new Balance(new BigDecimal("100.00"), BigDecimal.ZERO, new BigDecimal("100.00")),
                new Tier(channel, "tier_1", 0));
    }

    private boolean authorized(String authorization) {
        String expected = "Bearer " + properties.v1().apiKey();
        return authorization != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8));
    }

    private static V1Responses.Error error(String code, String message) {
        return new V1Responses.Error(code, message, List.of(), null);
    }

    private static Answer answer(HttpStatus status, Object body) {
        return new Answer(ResponseEntity.status(status).body(body), null);
    }

    /** An answer given, and the body it was given to. */
    private record Answer(ResponseEntity<Object> response, String fingerprint) {

        Answer withFingerprint(String requestFingerprint) {
            return new Answer(response, requestFingerprint);
        }
    }

    /** v1's answer to an accepted send ({@code FORMATS.md} §2.3). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Accepted(String messageId, String status, Instant createdAt, Billing billing) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Billing(String channel, String messageType, BigDecimal holdAmount, BigDecimal messagePrice,
            Balance balance, Tier tier) {
    }

    record Balance(BigDecimal free, BigDecimal reserved, BigDecimal total) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Tier(String channel, String current, long volumeUsed) {
    }

    /** A webhook about a user, in v1's envelope ({@code FORMATS.md} §2.6). */
    record UserEvent(String id, String event, Instant timestamp, UserEventData data) {
    }

    /** {@code from} is the user; {@code agent_id} (RCS) or {@code channel_id} (SMS) the sender they answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UserEventData(String agentId, String channelId, String from, Instant sessionExpiresAt,
            UserMessage userMessage) {
    }

    /** {@code type}: {@code text}, {@code suggested_reply} or {@code location}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UserMessage(String type, String text, String postbackData, Place location) {
    }

    record Place(double latitude, double longitude) {
    }
}
