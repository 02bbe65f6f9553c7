package io.switchboard.broker;

import io.switchboard.camel.Headers;
import io.switchboard.tracing.TraceParent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Enumeration;
import java.util.Set;

/**
 * A message put back on the queue it was first sent to, after the hub set it aside (dead-lettered or parked): its body,
 * its group, its trace context and the hub's properties, without the notes that set it aside, and with its attempts
 * counted afresh.
 */
public final class RequeuedCopies {

    private static final Set<String> SET_ASIDE_NOTES = Set.of(Headers.DEAD_LETTER_REASON, Headers.ORIGINAL_QUEUE,
            Headers.WEBHOOK_ENDPOINT, Headers.WEBHOOK_ATTEMPTS);

    private RequeuedCopies() {
    }

    public static Message of(Session session, Message setAside) throws JMSException {
        TextMessage copy = session.createTextMessage(((TextMessage) setAside).getText());
        Enumeration<?> names = setAside.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            boolean hubProperty = name.startsWith("Switchboard") && !SET_ASIDE_NOTES.contains(name);
            if (hubProperty || name.equals(Headers.GROUP_ID) || name.equals(TraceParent.HEADER)
                    || name.equals(TraceParent.STATE_HEADER)) {
                copy.setObjectProperty(name, setAside.getObjectProperty(name));
            }
        }
        return copy;
    }
}
