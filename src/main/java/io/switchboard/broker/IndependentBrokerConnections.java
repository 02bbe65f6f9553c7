package io.switchboard.broker;

import jakarta.jms.ConnectionFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The broker connections whose sends commit on their own, outside any consumer's transaction (see
 * {@code MessagingConfiguration#independentBrokerConnections}).
 */
public final class IndependentBrokerConnections implements DisposableBean {

    private final CachingConnectionFactory factory;

    IndependentBrokerConnections(CachingConnectionFactory factory) {
        this.factory = factory;
    }

    public ConnectionFactory factory() {
        return factory;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
