package io.switchboard.bench.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.testing.HubClient;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many messages wait on each of the hub's queues, read from its embedded broker through Jolokia with the
 * operator's login, as an operator's Hawtio reads them.
 */
final class QueueDepths {

    private static final String QUEUES = "/actuator/jolokia/read/"
            + "org.apache.activemq.artemis:component=addresses,subcomponent=queues,*/MessageCount,ScheduledCount";

    static final String DEAD_LETTERS = "switchboard.dlq";

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
        HubClient.Response response = hub.get(QUEUES, "Authorization", operatorAuthorization);
        JsonNode value = response.json().path("value");
        if (response.status() != 200 || !value.isObject()) {
            throw new IllegalStateException("Jolokia did not list the broker's queues: " + response);
        }
        Map<String, Long> depths = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> queues = value.fields(); queues.hasNext(); ) {
            Map.Entry<String, JsonNode> queue = queues.next();
            String name = queueName(queue.getKey());
            if (name.startsWith("switchboard.")) {
                depths.put(name, queue.getValue().path("MessageCount").asLong()
                        - queue.getValue().path("ScheduledCount").asLong());
            }
        }
        return depths;
    }

    /** All of them together but the dead letters: the work the hub has taken on and not finished. */
    long total() {
        return read().entrySet().stream().filter(queue -> !queue.getKey().equals(DEAD_LETTERS))
                .mapToLong(Map.Entry::getValue).sum();
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
