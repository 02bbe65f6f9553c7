package io.switchboard.bench.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.HubClient;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How many messages wait on each of the hub's queues, read from its embedded broker through Jolokia with the
 * operator's login, as an operator's Hawtio reads them.
 */
final class QueueDepths {

    private static final String QUEUES = "/actuator/jolokia/read/"
            + "org.apache.activemq.artemis:component=addresses,subcomponent=queues,*/MessageCount,ScheduledCount,DeliveringCount";

    static final String WEBHOOK_DELIVERIES = "switchboard.webhook.deliveries";
    /**
     * Queues of what the hub has set aside rather than work it owes: the dead letters, and the dead subscriber's
     * deliveries parked until its endpoint answers again, which grow by design for as long as it is dead.
     */
    private static final Set<String> SET_ASIDE = Set.of("switchboard.dlq", "switchboard.webhook.parked");

    private final HubClient hub;
    private final String operatorAuthorization;

    QueueDepths(HubClient hub, String operatorAuthorization) {
        this.hub = hub;
        this.operatorAuthorization = operatorAuthorization;
    }

    /**
     * Messages waiting to be worked on now, by queue, for the hub's own queues ({@code switchboard.*}): not those
     * scheduled for later, such as each RCS message's time limit, which is due only a minute after its send.
     */
    Map<String, Long> read() {
        Map<String, Long> depths = new TreeMap<>();
        queues().forEach((name, counts) -> depths.put(name, counts.path("MessageCount").asLong()
                - counts.path("ScheduledCount").asLong()));
        return depths;
    }

    static boolean setAside(String queue) {
        return SET_ASIDE.contains(queue);
    }

    /**
     * All of them together but those set aside and the webhooks being posted: the work the hub has taken on and not
     * finished. A post to the benchmark's dead subscriber stays in flight until the hub's response timeout, which no
     * drain should wait for.
     */
    long total() {
        long total = 0;
        for (Map.Entry<String, JsonNode> queue : queues().entrySet()) {
            JsonNode counts = queue.getValue();
            long waiting = counts.path("MessageCount").asLong() - counts.path("ScheduledCount").asLong();
            if (queue.getKey().equals(WEBHOOK_DELIVERIES)) {
                total += waiting - counts.path("DeliveringCount").asLong();
            } else if (!setAside(queue.getKey())) {
                total += waiting;
            }
        }
        return total;
    }

    private Map<String, JsonNode> queues() {
        HubClient.Response response = hub.get(QUEUES, "Authorization", operatorAuthorization);
        JsonNode value = response.json().path("value");
        if (response.status() != 200 || !value.isObject()) {
            throw new IllegalStateException("Jolokia did not list the broker's queues: " + response);
        }
        Map<String, JsonNode> queues = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = value.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> queue = entries.next();
            String name = queueName(queue.getKey());
            if (name.startsWith("switchboard.")) {
                queues.put(name, queue.getValue());
            }
        }
        return queues;
    }

    private static String queueName(String objectName) {
        for (String property : objectName.substring(objectName.indexOf(':') + 1).split(",")) {
            if (property.startsWith("queue=")) {
                return property.substring("queue=".length()).replace("\"", "");
            }
        }
        return "";
    }
}
