package io.switchboard.model;

import java.net.URI;

/**
 * Where a client asked, with one message, for that message's status callbacks, and in which dialect's shape: v5's
 * {@code callbackURL}, answered in v5.
 */
public record StatusCallback(URI url, Dialect dialect) {

    /** The message's own status callback, or null when its client gave none. */
    public static StatusCallback of(Message message) {
        return message.callbackUrl() == null ? null
                : new StatusCallback(message.callbackUrl(), message.sourceDialect());
    }
}
