package io.switchboard.webhook;

import java.util.List;

/**
 * What a client asks of a subscription, in any dialect's words: every field it sets, null for one it leaves alone
 * (on creation, {@code url} and {@code events} are required and the rest take their defaults).
 *
 * @param dialect      the id of the dialect whose payload shape the subscriber reads ({@code v1} by default)
 * @param enabled      false disables the subscription, true enables it again with a clean slate
 * @param secret       the new signing secret; on an existing subscription this is a rotation
 * @param rotateSecret true rotates to a secret the hub generates
 */
public record WebhookChanges(String url, List<String> events, String dialect, Boolean enabled, String secret,
        Boolean rotateSecret) {

    /** The fields a new subscription can have. */
    public static WebhookChanges creating(String url, List<String> events, String dialect, String secret) {
        return new WebhookChanges(url, events, dialect, null, secret, null);
    }

    boolean rotates() {
        return secret != null || Boolean.TRUE.equals(rotateSecret);
    }
}
