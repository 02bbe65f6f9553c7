package io.switchboard.intake;

import io.switchboard.camel.Variables;
import io.switchboard.model.Message;
import io.switchboard.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;

/**
 * What every client request's translator ({@code <dialect>:<request>} to {@code canonical:message}) shares: the
 * validated request in the body, the tenant the admission found, the time the hub accepted it.
 *
 * <p>Needs from the exchange: the variable {@value Variables#TENANT}.
 *
 * @param <R> the request's wire record
 */
public abstract class RequestToCanonical<R> extends Transformer {

    private final Class<R> requestType;
    private final Clock clock;

    protected RequestToCanonical(Class<R> requestType, Clock clock) {
        this.requestType = requestType;
        this.clock = clock;
    }

    @Override
    public void transform(org.apache.camel.Message message, DataType from, DataType to) {
        Tenant tenant = message.getExchange().getVariable(Variables.TENANT, Tenant.class);
        message.setBody(toCanonical(message.getBody(requestType), tenant.id(), clock.instant()));
    }

    /** The canonical message, with a new hub message id. */
    public abstract Message toCanonical(R request, String tenantId, Instant acceptedAt);
}
