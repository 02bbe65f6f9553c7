package io.switchboard.broker;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the broker's data disk is beyond its {@code max-disk-usage}, as the broker's own management reports it.
 * Beyond it Artemis blocks every producer until space is freed, so a send would hold the request that makes it for
 * as long; the intake asks here first and refuses with a 503 instead, and readiness (component {@code brokerDisk})
 * says why. The broker is asked at most once per check period, by whichever caller finds the last answer stale.
 */
@Component("brokerDisk")
public class BrokerDisk implements HealthIndicator {

    private static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final JmsTemplate management;
    private final Duration checkPeriod;
    private final Clock clock;
    private final ReentrantLock asking = new ReentrantLock();
    private volatile Reading last = new Reading(Instant.EPOCH, null);

    BrokerDisk(ConnectionFactory connectionFactory, Clock clock, BrokerProperties broker) {
        this.management = new JmsTemplate(connectionFactory);
        this.management.setReceiveTimeout(broker.diskCheckPeriod().toMillis());
        this.checkPeriod = broker.diskCheckPeriod();
        this.clock = clock;
    }

    /** @param refusal why the broker takes no message now, or null */
    private record Reading(Instant at, String refusal) {
    }

    /** Why the broker cannot take a message now, if its data disk is beyond its limit. */
    public Optional<String> refusal() {
        Reading reading = last;
        if (reading.at().plus(checkPeriod).isBefore(clock.instant()) && asking.tryLock()) {
            try {
                reading = ask();
                last = reading;
            } finally {
                asking.unlock();
            }
        }
        return Optional.ofNullable(reading.refusal());
    }

    @Override
    public Health health() {
        return refusal().map(reason -> Health.outOfService().withDetail("reason", reason).build())
                .orElseGet(() -> Health.up().build());
    }

    private Reading ask() {
        try {
            double usedPercent = attribute("diskStoreUsage") * 100;
            double limitPercent = attribute("maxDiskUsage");
            // a negative limit switches the check off in Artemis
            String refusal = limitPercent >= 0 && usedPercent > limitPercent
                    ? ("the broker's data disk is %.0f %% used, beyond its max-disk-usage of %.0f %%: it takes no "
                            + "message until space is freed").formatted(usedPercent, limitPercent)
                    : null;
            return new Reading(clock.instant(), refusal);
        } catch (Exception unknown) {
            // a broker out of reach fails a send at once, without blocking it; the jms component reports it
            return new Reading(clock.instant(), null);
        }
    }

    private double attribute(String name) throws Exception {
        Message reply = management.sendAndReceive(MANAGEMENT_ADDRESS, session -> {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.BROKER, name);
            return request;
        });
        if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("The broker did not tell its " + name);
        }
        return ((Number) JMSManagementHelper.getResult(reply)).doubleValue();
    }
}
