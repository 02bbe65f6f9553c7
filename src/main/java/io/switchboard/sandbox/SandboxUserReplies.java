package io.switchboard.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/users/{number}/replies}: the sandbox user at a number answers the message a sandbox carrier
 * last sent them, through that carrier, to the sender it came from, in the carrier's own inbound callback: so a
 * person can play a user with curl. Operator login in the hub; off in the prod profile.
 */
@RestController
@RequestMapping("/sandbox/users")
@ConditionalOnProperty(name = "switchboard.sandbox.enabled", havingValue = "true")
class SandboxUserReplies {

    private final SandboxLedger ledger;
    private final Map<String, UserReplies> carriers;
    private final ObjectMapper mapper;

    SandboxUserReplies(SandboxLedger ledger, List<UserReplies> carriers, ObjectMapper mapper) {
        this.ledger = ledger;
        this.carriers = carriers.stream().collect(Collectors.toMap(UserReplies::carrier, Function.identity()));
        this.mapper = mapper;
    }

    @PostMapping(path = "/{number}/replies", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> reply(@PathVariable String number, @RequestBody(required = false) byte[] body) {
        SandboxReply reply;
        try {
            byte[] json = body == null || body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body;
            reply = mapper.readValue(json, SandboxReply.class);
        } catch (IOException e) {
            return refusal(HttpStatus.BAD_REQUEST, "invalid_request", "The body is not a JSON reply.");
        }
        String problem = reply.problem();
        if (problem != null) {
            return refusal(HttpStatus.BAD_REQUEST, "invalid_request", problem);
        }
        Optional<SandboxLedger.LastMessage> last = ledger.lastSentTo(number);
        if (last.isEmpty()) {
            return refusal(HttpStatus.NOT_FOUND, "not_found", "No sandbox carrier has sent a message to " + number
                    + ", so there is no one to reply to.");
        }
        SandboxLedger.LastMessage message = last.get();
        try {
            int callbacks = carriers.get(message.carrier()).reply(message, reply, 0);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Replying(message.carrier(), message.user(),
                    message.sender(), callbacks));
        } catch (UserReplies.NotPossibleException e) {
            return refusal(HttpStatus.CONFLICT, "not_possible", e.getMessage());
        }
    }

    private static ResponseEntity<Object> refusal(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(new Refusal(error, message));
    }

    /**
     * @param callbacks how many inbound callbacks the carrier posts: typing and the message, or one of them
     */
    record Replying(String carrier, String user, String to, int callbacks) {
    }

    record Refusal(String error, String message) {
    }
}
