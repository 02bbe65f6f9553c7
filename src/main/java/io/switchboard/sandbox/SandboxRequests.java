package io.switchboard.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;

/** What every sandbox carrier needs to note a request for the {@link SandboxLedger} and to write its callbacks. */
final class SandboxRequests {

    private SandboxRequests() {
    }

    /** The request's header names, lower case. */
    static Set<String> headerNames(HttpHeaders headers) {
        return headers.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** A new carrier message id in the {@code msg_} form Pinnacle and v1 use. */
    static String messageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Identifies a request across the client's retries: the SHA-256 of its body. */
    static String bodyKey(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0]
                    : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static byte[] json(ObjectMapper mapper, Object callback) {
        try {
            return mapper.writeValueAsBytes(callback);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A sandbox callback always serializes", e);
        }
    }
}
