package io.switchboard.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The broker's connection factory, refusing at once for a moment after the broker was found out of reach. Spring's
 * shared JMS connection is made under one lock, and an attempt on a broker that is down takes Artemis seconds (a
 * connect, its retry interval, a second connect); without this every request, consumer and health check queues
 * behind that lock, one attempt after the other, and the API hangs instead of answering 503.
 */
final class FailFastConnectionFactory implements ConnectionFactory {

    /** How long a failed attempt stands for the broker's state before the next caller tries again. */
    static final Duration TRUST_A_FAILURE_FOR = Duration.ofSeconds(1);

    private final ConnectionFactory target;
    private final Clock clock;
    private volatile Failure lastFailure;

    private record Failure(Instant at, JMSException cause) {
    }

    @FunctionalInterface
    private interface Attempt {
        Connection connect() throws JMSException;
    }

    FailFastConnectionFactory(ConnectionFactory target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return connect(target::createConnection);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return connect(() -> target.createConnection(userName, password));
    }

    private Connection connect(Attempt attempt) throws JMSException {
        Failure failure = lastFailure;
        if (failure != null && failure.at().plus(TRUST_A_FAILURE_FOR).isAfter(clock.instant())) {
            JMSException refusal = new JMSException("The broker was out of reach " + Duration.between(failure.at(),
                    clock.instant()).toMillis() + " ms ago: " + failure.cause().getMessage());
            refusal.setLinkedException(failure.cause());
            throw refusal;
        }
        try {
            Connection connection = attempt.connect();
            lastFailure = null;
            return connection;
        } catch (JMSException e) {
            lastFailure = new Failure(clock.instant(), e);
            throw e;
        }
    }

    @Override
    public JMSContext createContext() {
        return target.createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return target.createContext(userName, password);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return target.createContext(userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return target.createContext(sessionMode);
    }
}
