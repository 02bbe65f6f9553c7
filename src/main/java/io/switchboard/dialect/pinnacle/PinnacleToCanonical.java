package io.switchboard.dialect.pinnacle;

import io.switchboard.camel.Variables;
import io.switchboard.model.Content;
import io.switchboard.model.Dialect;
import io.switchboard.model.FailoverPlan;
import io.switchboard.model.Ids;
import io.switchboard.model.Message;
import io.switchboard.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.Transformer;

/**
 * What the three Pinnacle send transformers share: the exchange they read, the message frame, and the schedule.
 *
 * <p>Needs from the exchange: the variable {@value Variables#TENANT} and a validated request as the body. Assigns
 * the hub message id and the acceptance time. A one-off schedule becomes {@link Message#sendAt()}; the recurrence,
 * end date and time zone, which the canonical model has no field for, are kept as {@code pinnacle.schedule.*}
 * metadata (recurring delivery is not implemented yet: a recurring schedule is sent once, at {@code sendAt}).
 *
 * @param <T> the wire record of the send
 */
abstract class PinnacleToCanonical<T> extends Transformer {

    static final String TRACKING = "pinnacle.tracking";
    static final String VALIDATE = "pinnacle.validate";
    static final String SCHEDULE_TIMEZONE = "pinnacle.schedule.timezone";
    static final String SCHEDULE_RECURRENCE = "pinnacle.schedule.recurrence";
    static final String SCHEDULE_END_DATE = "pinnacle.schedule.endDate";

    private final Class<T> requestType;
    private final Clock clock;

    PinnacleToCanonical(Class<T> requestType, Clock clock) {
        this.requestType = requestType;
        this.clock = clock;
    }

    @Override
    public void transform(org.apache.camel.Message message, DataType from, DataType to) {
        Tenant tenant = message.getExchange().getVariable(Variables.TENANT, Tenant.class);
        message.setBody(toCanonical(message.getBody(requestType), tenant.id(), clock.instant()));
    }

    public abstract Message toCanonical(T request, String tenantId, Instant acceptedAt);

    /**
     * The canonical message, with the schedule (if any) applied and added to {@code metadata}.
     *
     * @param metadata the send's own {@code pinnacle.*} details; this method adds the schedule's
     */
    static Message message(String tenantId, String sender, String recipient, Content content, FailoverPlan failover,
            PinnacleWire.SendOptions options, Map<String, String> metadata, Instant acceptedAt) {
        Map<String, String> details = new LinkedHashMap<>(metadata);
        PinnacleWire.Schedule schedule = options == null ? null : options.schedule();
        putIfPresent(details, TRACKING, options == null ? null : options.tracking());
        Instant sendAt = null;
        if (schedule != null && !schedule.isEmpty()) {
            ZoneId zone = PinnacleTimes.zone(schedule.timezone()).orElseThrow();
            sendAt = PinnacleTimes.instant(schedule.sendAt(), zone).orElseThrow();
            details.put(SCHEDULE_TIMEZONE, zone.getId());
            putIfPresent(details, SCHEDULE_RECURRENCE, schedule.recurrence());
            putIfPresent(details, SCHEDULE_END_DATE, schedule.endDate());
        }
        return new Message(Ids.messageId(), tenantId, Dialect.PINNACLE, null, sender, recipient, content, failover,
                null, null, sendAt, details, acceptedAt);
    }

    static void putIfPresent(Map<String, String> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value.toString());
        }
    }
}
