package io.switchboard.operations;

import java.util.List;
import java.util.Map;

/** {@code io.switchboard:type=WebhookSubscriptions}: every tenant's webhook subscriptions, without their secrets. */
@Description("Every tenant's webhook subscriptions and how their deliveries go; never their secrets")
public interface WebhookSubscriptionsMBean {

    @Description("Each subscription: id, tenant, url (without credentials), dialect, events, state (active, failing"
            + " since, or disabled when and why) and its last failure")
    List<Map<String, Object>> getSubscriptions();

    @Description("Turns a subscription off, as its tenant's PATCH with enabled false does: it gets no deliveries"
            + " (disabled_reason client). Returns the subscription.")
    Map<String, Object> disable(@Description("the subscription's id: wh_…") String id);

    @Description("Turns a subscription on again, afresh as active, as its tenant's PATCH with enabled true does."
            + " Returns the subscription.")
    Map<String, Object> enable(@Description("the subscription's id: wh_…") String id);
}
