package io.switchboard.bench.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.testing.ExampleMessages;
import io.switchboard.testing.Fixtures;
import io.switchboard.testing.prodstack.ProdStack;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The accept requests of the hub benchmarks: a dialect's example message to the v5 route without failover, each
 * request to a number and with an Idempotency-Key of its own, so the hub takes every one as a new message and the
 * sandbox delivers it.
 */
final class AcceptRequests {

    /** The v5 route without failover, a number whose last two digits the sandbox delivers. */
    private static final String PLACEHOLDER = "155574000000010";

    private final ExampleMessages.Credentials credentials;
    /** Tells this run's keys from those of an earlier run on the same database. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    /** Counted across every load of a run, so no request reuses another's number or Idempotency-Key. */
    private final AtomicLong requestsMade = new AtomicLong();

    AcceptRequests(ProdStack.Tenant tenant) {
        this.credentials = new ExampleMessages.Credentials(tenant.v1Authorization(), tenant.v5Authorization(),
                tenant.pinnacleApiKey());
    }

    /** The dialect's requests, their Idempotency-Keys starting with {@link #keyPrefix}{@code (label)}. */
    HttpLoad.Requests of(String dialect, String label) throws JsonProcessingException {
        ExampleMessages.Request example = ExampleMessages.request(credentials, dialect, "+" + PLACEHOLDER);
        String template = Fixtures.MAPPER.writeValueAsString(example.body());
        String prefix = PLACEHOLDER.substring(0, 7);
        String row = PLACEHOLDER.substring(13);
        String credential = example.authHeader() + ": " + example.authValue();
        String keyHeader = "Idempotency-Key: " + keyPrefix(label);
        return serial -> {
            long number = requestsMade.getAndIncrement();
            return KeepAliveConnection.post(example.path(),
                    template.replace(PLACEHOLDER, prefix + "%06d".formatted(number % 1_000_000) + row)
                            .getBytes(StandardCharsets.UTF_8), credential, keyHeader + number);
        };
    }

    /** What the Idempotency-Key of every request {@link #of} makes under this label starts with. */
    String keyPrefix(String label) {
        return "bench-" + runId + "-" + label + "-";
    }
}
