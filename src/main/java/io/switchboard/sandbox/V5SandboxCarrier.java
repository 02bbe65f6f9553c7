package io.switchboard.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.dialect.v5.V5Callback;
import io.switchboard.dialect.v5.V5Message;
import io.switchboard.dialect.v5.V5Responses;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A v5 RCS carrier simulator: answers {@code POST /sandbox/v5/messages} exactly like seed 004 and posts delivery
 * callbacks to the request's {@code callbackURL}, behaving as {@link SandboxBehaviour} says for the recipient.
 * Callbacks only go to loopback or the configured hub ({@link SandboxCallbackAddress#mayPostTo}), so the sandbox
 * cannot be used to reach other hosts. v5 has no client reference or idempotency key; the hub's callback URL names
 * the leg, so the ledger counts sends by it.
 *
 * <p>Its users answer in the MO shape Switchboard defines for v5 ({@code docs/dialects/v5.md}): {@code TYPING}, then
 * {@code RCS_TEXT}, {@code RCS_POSTBACK} (a tapped choice, its {@code postbackData} as the message gave it) or
 * {@code RCS_LOCATION}, posted to the inbound URL the hub issues for the carrier.
 */
@RestController
@RequestMapping("/sandbox/v5")
@ConditionalOnProperty(name = "switchboard.sandbox.enabled", havingValue = "true")
class V5SandboxCarrier implements UserReplies {

    static final String CARRIER = "sandbox-v5";

    private final SandboxProperties properties;
    private final SandboxLedger ledger;
    private final SandboxCallbacks callbacks;
    private final SandboxCallbackAddress callbackAddress;
    private final V5Responses responses;
    private final ObjectMapper mapper;
    private final Clock clock;

    V5SandboxCarrier(SandboxProperties properties, SandboxLedger ledger, SandboxCallbacks callbacks,
            SandboxCallbackAddress callbackAddress, V5Responses responses, ObjectMapper mapper, Clock clock) {
        this.properties = properties;
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.callbackAddress = callbackAddress;
        this.responses = responses;
        this.mapper = mapper;
        this.clock = clock;
    }

    @PostMapping(path = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> send(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
        if (!authorized(headers.getFirst(HttpHeaders.AUTHORIZATION))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(responses.refused("Invalid username or password", List.of()));
        }
        V5Message request;
        try {
            request = mapper.readValue(body == null ? new byte[0] : body, V5Message.class);
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(responses.refused("Invalid JSON body", List.of()));
        }
        String destination = request.destination();
        if (destination == null || destination.isBlank()) {
            return refuse(request, headers, new V5Responses.Problem("destination", "Destination",
                    "'destination' is required"));
        }
        SandboxBehaviour behaviour = SandboxBehaviour.forRecipient(destination);
        boolean failsOver = enabled(request.smsFailover()) || enabled(request.mmsFailover());
        if (behaviour == SandboxBehaviour.NOT_RCS_CAPABLE && !failsOver) {
            return refuse(request, headers, new V5Responses.Problem("destination", "Destination",
                    "'destination' is not RCS capable"));
        }
        if (behaviour == SandboxBehaviour.FLAKY
                && ledger.failsThisAttempt(SandboxRequests.bodyKey(body), properties.flakyFailures())) {
            ledger.record(CARRIER, destination, leg(request), SandboxRequests.headerNames(headers), request, 503,
                    null);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(responses.refused("Service temporarily unavailable", List.of()));
        }
        String guid = UUID.randomUUID().toString();
        ledger.record(CARRIER, destination, leg(request), SandboxRequests.headerNames(headers), request, 200, guid);
        int reports = scheduleCallbacks(request, guid, behaviour, failsOver);
        SandboxLedger.LastMessage sent = new SandboxLedger.LastMessage(CARRIER, destination, request.source(), true,
                guid, firstChoice(request.choices()));
        ledger.sentToUser(sent);
        if (behaviour == SandboxBehaviour.USER_REPLIES) {
            reply(sent, SandboxReply.answering(sent), reports);
        }
        return ResponseEntity.ok(responses.accepted(guid, destination));
    }

    private ResponseEntity<Object> refuse(V5Message request, HttpHeaders headers, V5Responses.Problem problem) {
        ledger.record(CARRIER, request.destination(), leg(request), SandboxRequests.headerNames(headers), request,
                400, null);
        return ResponseEntity.badRequest().body(responses.refused(V5Responses.INVALID, List.of(problem)));
    }

    private static boolean enabled(V5Message.SmsFailover failover) {
        return failover != null && Boolean.TRUE.equals(failover.enabled());
    }

    private static boolean enabled(V5Message.MmsFailover failover) {
        return failover != null && Boolean.TRUE.equals(failover.enabled());
    }

    /** The first {@code REPLY} choice, else the first choice; null when there is none. */
    private static SandboxLedger.Suggested firstChoice(List<V5Message.Choice> choices) {
        if (choices == null || choices.isEmpty()) {
            return null;
        }
        V5Message.Choice tapped = choices.stream().filter(choice -> "REPLY".equals(choice.type())).findFirst()
                .orElse(choices.get(0));
        return new SandboxLedger.Suggested(tapped.title(), tapped.postbackData());
    }

    /** @return how many callbacks it posts */
    private int scheduleCallbacks(V5Message request, String guid, SandboxBehaviour behaviour, boolean failsOver) {
        if (request.callbackURL() == null || !callbackAddress.mayPostTo(request.callbackURL())) {
            return 0;
        }
        Instant acceptedAt = clock.instant();
        Instant deliveredAt = acceptedAt.plus(properties.callbackDelay());
        boolean rcsFails = behaviour == SandboxBehaviour.NOT_RCS_CAPABLE || behaviour == SandboxBehaviour.FAILS_LATER;
        // a request with a failover object: the carrier sends that leg itself when RCS does not get through
        List<V5Callback> reports = failsOver && rcsFails ? carrierFailover(request, guid, deliveredAt)
                : reports(request, guid, behaviour, acceptedAt, deliveredAt);
        List<byte[]> bodies = new ArrayList<>();
        for (V5Callback report : reports) {
            bodies.add(SandboxRequests.json(mapper, report));
        }
        callbacks.post(URI.create(request.callbackURL()), Map.of(), bodies);
        return bodies.size();
    }

    @Override
    public String carrier() {
        return CARRIER;
    }

    @Override
    public Optional<Object> typing(SandboxLedger.LastMessage to) {
        return Optional.of(new UserMessage(null, to.user(), to.sender(), "TYPING", null, null, null, null, null,
                clock.instant()));
    }

    @Override
    public Object message(SandboxLedger.LastMessage to, SandboxReply reply) {
        return userMessage(to, reply, clock.instant());
    }

    @Override
    public void post(int earlier, List<Object> messages) {
        URI inbound = callbackAddress.v5InboundUrl(CARRIER).orElseThrow(() -> new NotPossibleException(
                "The v5 sandbox has no inbound URL to post to: set switchboard.sandbox.v5.inbound-url."));
        List<byte[]> bodies = messages.stream().map(message -> SandboxRequests.json(mapper, message)).toList();
        callbacks.postAfter(earlier, inbound, body -> Map.of(), bodies);
    }

    private static UserMessage userMessage(SandboxLedger.LastMessage to, SandboxReply reply, Instant at) {
        String guid = UUID.randomUUID().toString();
        if (reply.isTap()) {
            return new UserMessage(guid, to.user(), to.sender(), "RCS_POSTBACK", reply.text(), reply.postbackData(),
                    to.messageId(), null, null, at);
        }
        if (reply.isLocation()) {
            return new UserMessage(guid, to.user(), to.sender(), "RCS_LOCATION", reply.text(), null, to.messageId(),
                    reply.latitude(), reply.longitude(), at);
        }
        return new UserMessage(guid, to.user(), to.sender(), "RCS_TEXT", reply.text(), null, null, null, null, at);
    }

    private List<V5Callback> carrierFailover(V5Message request, String guid, Instant at) {
        String channel = enabled(request.mmsFailover()) ? "MMS" : "SMS";
        return List.of(new V5Callback(guid, request.source(), request.destination(), channel, "FAILOVER", null, at,
                        null, null),
                new V5Callback(guid, request.source(), request.destination(), channel, "DELIVERED", 40001,
                        at.plus(properties.callbackDelay()), null, null));
    }

    private List<V5Callback> reports(V5Message request, String guid, SandboxBehaviour behaviour, Instant acceptedAt,
            Instant deliveredAt) {
        return switch (behaviour) {
            case FAILS_LATER -> List.of(callback(request, guid, "FAILED", 30003, deliveredAt,
                    "Recipient handset rejected the message"));
            case SILENT, NOT_RCS_CAPABLE -> List.of();
            case READ, USER_REPLIES -> List.of(callback(request, guid, "DELIVERED", 40001, deliveredAt, null),
                    callback(request, guid, "READ", null, deliveredAt.plus(properties.callbackDelay()), null));
            case DUPLICATES -> List.of(callback(request, guid, "DELIVERED", 40001, deliveredAt, null),
                    callback(request, guid, "DELIVERED", 40001, deliveredAt, null),
                    callback(request, guid, "SENT", 30000, acceptedAt, null));
            case FLAKY, SMS_DELIVERY_FAILS, DELIVERED -> List.of(
                    callback(request, guid, "DELIVERED", 40001, deliveredAt, null));
        };
    }

    private static V5Callback callback(V5Message request, String guid, String status, Integer code, Instant at,
            String error) {
        return new V5Callback(guid, request.source(), request.destination(), request.messageType(), status, code, at,
                error == null ? null : String.valueOf(code), error);
    }

    private boolean authorized(String authorization) {
        SandboxProperties.V5Account credentials = properties.v5();
        String login = credentials.username() + ":" + credentials.password();
        String expected = "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
        return authorization != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code leg} the hub's callback URL names, or null for a request without one. */
    private static String leg(V5Message request) {
        if (request.callbackURL() == null) {
            return null;
        }
        try {
            return UriComponentsBuilder.fromUriString(request.callbackURL()).build().getQueryParams().getFirst("leg");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A user's message or typing (MO), in the shape Switchboard defines for v5: numbers as digits, {@code source} the
     * user, {@code destination} the agent.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserMessage(String messageGUID, String source, String destination, String messageType, String messageText,
            String postbackData, String originalMessageGUID, Double latitude, Double longitude, Instant timestamp) {
    }
}
