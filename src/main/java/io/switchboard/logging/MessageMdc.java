package io.switchboard.logging;

import org.slf4j.MDC;

/**
 * The hub message a thread is working on, in the logging MDC under {@value #KEY}, so every line logged meanwhile,
 * the hub's and any library's, names it: the console pattern shows it as {@code [msg=…]} and JSON lines as a field.
 * Camel routes follow the exchange's {@code SwitchboardMessageId} header (io.switchboard.camel.MessageIdSteps), JMS
 * consumers the property of the message they took (io.switchboard.broker.MessageIdListenerContainers); threads of the
 * hub's own set and clear it with {@link #about(String)}.
 *
 * <p>Only a hub message id ({@code msg_} and a lower-case ULID) is shown: a header a client set may hold anything,
 * and a line break in it would forge log lines.
 */
public final class MessageMdc {

    public static final String KEY = "messageId";

    private static final String PREFIX = "msg_";
    /** The prefix and a ULID; a little room beyond it costs nothing and keeps ids of other lengths readable. */
    private static final int MAX_LENGTH = 40;

    private MessageMdc() {
    }

    /**
     * Makes the MDC name this message, or no message when the id is null or not a hub message id. Touches the MDC only
     * when it changes, since a route calls it before each step.
     *
     * @return true when the MDC changed
     */
    public static boolean show(String messageId) {
        String shown = isMessageId(messageId) ? messageId : null;
        String current = MDC.get(KEY);
        if (shown == null ? current == null : shown.equals(current)) {
            return false;
        }
        if (shown == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, shown);
        }
        return true;
    }

    /** The MDC names no message any more. */
    public static void clear() {
        MDC.remove(KEY);
    }

    /** The message the MDC names, or null. */
    public static String current() {
        return MDC.get(KEY);
    }

    /** Names this message until the returned scope closes, which puts back the message named before. */
    public static Scope about(String messageId) {
        String before = current();
        show(messageId);
        return () -> show(before);
    }

    static boolean isMessageId(String id) {
        if (id == null || id.length() > MAX_LENGTH || !id.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'z')) {
                return false;
            }
        }
        return id.length() > PREFIX.length();
    }

    /** A message named in the MDC for a stretch of code: try-with-resources puts back what was there before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
