package io.switchboard.tenant;

/** A customer of the hub: the owner of messages, webhooks and credentials. */
public record Tenant(String id, String name) {
}
