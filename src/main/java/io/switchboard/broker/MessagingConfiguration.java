package io.switchboard.broker;

import io.switchboard.camel.AllowListHeaderFilterStrategy;
import io.switchboard.camel.Headers;
import io.switchboard.tracing.TraceParent;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.Set;
import org.apache.camel.component.jms.ConsumerType;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The {@code jms} Camel components. camel-jms-starter 4.18.0 is not on this registry, so the component is declared
 * here, over Spring Boot's Artemis connection factory.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * Spring Boot's caching connection factory gets a target that refuses at once while the broker was just found
     * away ({@link FailFastConnectionFactory}), so a broker outage is a quick 503, not a hanging request.
     */
    @Bean
    static BeanPostProcessor failFastBrokerConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof CachingConnectionFactory cached
                        && !(cached.getTargetConnectionFactory() instanceof FailFastConnectionFactory)) {
                    cached.setTargetConnectionFactory(new FailFastConnectionFactory(
                            cached.getTargetConnectionFactory(), Clock.systemUTC()));
                }
                return bean;
            }
        };
    }

    /**
     * Broker connections for sends that commit on their own, never inside a consumer's transaction: Artemis rolls back
     * a whole transaction that holds a duplicate-detected send, and the outbound enqueue of a replayed request is such
     * a send by design. The connection factory is not a bean, so Spring's transaction synchronization, which is keyed
     * by connection factory, cannot hand these sends the consumer's session.
     */
    @Bean
    IndependentBrokerConnections independentBrokerConnections(ConnectionFactory connectionFactory,
            @Value("${spring.jms.cache.session-cache-size:32}") int sessionCacheSize) {
        ConnectionFactory target = connectionFactory instanceof CachingConnectionFactory cached
                ? cached.getTargetConnectionFactory() : connectionFactory;
        CachingConnectionFactory independent = new CachingConnectionFactory(target);
        independent.setSessionCacheSize(sessionCacheSize);
        // a cached consumer stays open on the broker and keeps taking messages into its buffer, where no later
        // consumer with another selector sees them (the release of parked webhook deliveries is such a one)
        independent.setCacheConsumers(false);
        return new IndependentBrokerConnections(independent);
    }

    /** Routes' sends on {@link #independentBrokerConnections}. */
    @Bean("jms-independent")
    JmsComponent jmsIndependent(IndependentBrokerConnections connections) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connections.factory());
        jms.setHeaderFilterStrategy(headerFilter());
        return jms;
    }

    /**
     * A transacted consumer's own session is its transaction: what the route sends while handling a message goes out
     * on that session and commits with the message's acknowledgement, in one commit. A JMS transaction manager would
     * not do: it opens a second session beside the consumer's cached one and commits it after the acknowledgement,
     * so a crash between the two, or a send the broker refuses at commit, acknowledges a message whose sends are lost.
     */
    @Bean("jms")
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        jms.setLazyCreateTransactionManager(false);
        jms.setHeaderFilterStrategy(headerFilter());
        // Camel's consumers, whose threads name the message they took in the log's MDC
        jms.setConsumerType(ConsumerType.Custom);
        jms.setMessageListenerContainerFactory(new MessageIdListenerContainers());
        return jms;
    }

    /**
     * Only the hub's own properties, the broker's grouping, duplicate and schedule properties and the trace context go
     * out. A consumed message's delivery time stays behind, so the events it causes are not scheduled after it.
     */
    private static AllowListHeaderFilterStrategy headerFilter() {
        return new AllowListHeaderFilterStrategy(Set.of(Headers.GROUP_ID, Headers.DUPLICATE_ID,
                Headers.SCHEDULED_DELIVERY, TraceParent.HEADER, TraceParent.STATE_HEADER), Set.of("Switchboard"),
                Set.of("Camel", Headers.SCHEDULED_DELIVERY));
    }
}
