package io.switchboard.module;

import io.switchboard.model.Dialect;
import java.util.Optional;

/**
 * Everything the rest of the hub asks of one dialect, so that a dialect lives in its own package and its route files.
 * Each dialect's package declares one as a Spring bean; {@link DialectModules} finds it by {@link Dialect}.
 *
 * @param carrierSide      how the hub sends through a carrier that speaks it
 * @param clientApi        how clients that speak it to the hub are admitted and answered; empty for a dialect the
 *                         hub speaks only to carriers
 * @param webhookRendering how events look to a webhook subscriber who asked for it; empty while it has no webhook
 *                         shape of its own
 */
public record DialectModule(Dialect dialect, CarrierSide carrierSide, Optional<ClientApi> clientApi,
        Optional<WebhookRendering> webhookRendering) {
}
