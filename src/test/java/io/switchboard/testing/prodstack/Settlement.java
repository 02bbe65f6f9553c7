package io.switchboard.testing.prodstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.HubClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Where the accepted messages of a load ended, read back from the hub ({@code GET /v1/messages/{id}}) once every one
 * reached {@code delivered} or {@code read}, or a time limit passed.
 *
 * @param settled   delivered or read, with the hub's answer (status and timeline)
 * @param unsettled accepted, known to the hub, not delivered when time ran out
 * @param lost      accepted, then unknown to the hub (404)
 */
public record Settlement(Map<String, JsonNode> settled, Map<String, JsonNode> unsettled, Set<String> lost) {

    private static final Set<String> SETTLED = Set.of("delivered", "read");

    public static Settlement await(HubClient hub, String v1Authorization, Collection<String> messageIds,
            Duration atMost) {
        Map<String, JsonNode> settled = new ConcurrentHashMap<>();
        Set<String> lost = ConcurrentHashMap.newKeySet();
        try {
            Awaitility.await("every accepted message delivered").atMost(atMost).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        messageIds.parallelStream()
                                .filter(id -> !settled.containsKey(id) && !lost.contains(id))
                                .forEach(id -> {
                                    HubClient.Response status = hub.get("/v1/messages/" + id, "Authorization",
                                            v1Authorization);
                                    if (status.status() == 404) {
                                        lost.add(id);
                                    } else if (SETTLED.contains(status.json().path("status").asText())) {
                                        settled.put(id, status.json());
                                    }
                                });
                        return settled.size() + lost.size() == messageIds.size();
                    });
        } catch (ConditionTimeoutException timeLimit) {
            // what has not settled by now is reported as unsettled
        }
        Map<String, JsonNode> unsettled = new HashMap<>();
        messageIds.stream()
                .filter(id -> !settled.containsKey(id) && !lost.contains(id))
                .forEach(id -> unsettled.put(id, hub.get("/v1/messages/" + id, "Authorization", v1Authorization)
                        .json()));
        return new Settlement(Map.copyOf(settled), unsettled, Set.copyOf(lost));
    }
}
