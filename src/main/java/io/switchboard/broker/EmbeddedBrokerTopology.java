package io.switchboard.broker;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Declares the hub's addresses, queues and retry policies on the embedded broker, the same topology
 * {@code docker/broker.xml} gives a standalone one. The event queues are created up front: a multicast address
 * drops what it has no queue for, and the first event must not be lost.
 */
@Component
class EmbeddedBrokerTopology implements ArtemisConfigurationCustomizer {

    private final BrokerProperties broker;

    EmbeddedBrokerTopology(BrokerProperties broker) {
        this.broker = broker;
    }

    @Override
    public void customize(Configuration configuration) {
        configuration.addQueueConfiguration(anycast(broker.ingress()));
        configuration.addQueueConfiguration(anycast(broker.ingressInvalid()));
        configuration.addQueueConfiguration(anycast(broker.outbound()));
        configuration.addQueueConfiguration(anycast(broker.failover()));
        configuration.addQueueConfiguration(anycast(broker.webhookDeliveries()));
        configuration.addQueueConfiguration(anycast(broker.webhooksParked()));
        configuration.addQueueConfiguration(anycast(broker.callbacksUnmatched()));
        configuration.addQueueConfiguration(anycast(broker.deadLetters()));
        configuration.addQueueConfiguration(QueueConfiguration.of(broker.webhooksQueue())
                .setAddress(broker.events()).setRoutingType(RoutingType.MULTICAST).setDurable(true));
        // no queue of the hub's own: each legacy consumer subscribes
        configuration.addAddressConfiguration(new CoreAddressConfiguration().setName(broker.inbound())
                .addRoutingType(RoutingType.MULTICAST));

        configuration.setGlobalMaxSize(broker.memory().toBytes());
        configuration.addAddressSetting("#", retrying(broker.dispatchRetry()));
        // a delivery is an HTTP post that may take the whole response timeout: a consumer held by one must not hold
        // prefetched deliveries to other subscribers, so none is prefetched
        configuration.addAddressSetting(broker.webhookDeliveries(), retrying(broker.webhookRetry())
                .setDefaultConsumerWindowSize(0));
        configuration.addAddressSetting(broker.callbacksUnmatched(), retrying(broker.callbackRetry()));
    }

    private AddressSettings retrying(BrokerProperties.Retry retry) {
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(broker.deadLetters()))
                // the hub times messages out itself (time-to-live checks); anything the broker expires is kept too
                .setExpiryAddress(SimpleString.of(broker.deadLetters()))
                .setAutoCreateDeadLetterResources(false)
                .setMaxDeliveryAttempts(retry.attempts())
                .setRedeliveryDelay(retry.firstDelay().toMillis())
                .setRedeliveryMultiplier(retry.multiplier())
                .setMaxRedeliveryDelay(retry.maxDelay().toMillis())
                .setRedeliveryCollisionAvoidanceFactor(retry.jitter());
    }

    private static QueueConfiguration anycast(String name) {
        return QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }
}
